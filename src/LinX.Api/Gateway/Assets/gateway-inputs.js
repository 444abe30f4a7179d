// LinX Gateway (one of the page's scripts, run in order by gateway.html): the steps that ask for inputs. enhance-profile shows only
// the fields the business asked for; document-acceptance shows each document's full text (as text, never markup) to accept one by one.
"use strict";

const ALPHA3 = { CA: "CAN", US: "USA" };
const ALPHA2 = { CAN: "CA", USA: "US" };

function addressFields(type, i, onFile) {
  const base = `$.addresses[${i}]`;
  const box = h("fieldset", { class: "group" },
    h("legend", { text: t(`enhance.address.${type}`) }),
    field("profile.country", `${base}.countryCode`, { options: [["", t("form.choose")], ...COUNTRY_CODES.map((c) => [ALPHA3[c], countryName(c)])], autocomplete: "country" }),
    field("profile.street", `${base}.streetLine1`, { autocomplete: "address-line1", maxlength: "100" }),
    field("profile.street2", `${base}.streetLine2`, { autocomplete: "address-line2", maxlength: "100", optional: true }),
    field("profile.city", `${base}.cityName`, { autocomplete: "address-level2", maxlength: "50" }),
    h("div", { class: "row two" },
      field("profile.region", `${base}.stateCode`, { options: regionOptions(""), autocomplete: "address-level1" }),
      field("profile.postalCode", `${base}.zipCode`, { autocomplete: "postal-code", maxlength: "10" })),
    h("p", { class: "error", id: fieldId(base) + "-err", "data-error-for": base }));
  const country = byPath(box, `${base}.countryCode`);
  const region = byPath(box, `${base}.stateCode`);
  const fillRegions = () => region.replaceChildren(...regionOptions(ALPHA2[country.value] || "").map(([v, text]) => h("option", { value: v, text })));
  country.addEventListener("change", fillRegions);
  const known = onFile.find((a) => a.type === type);
  if (known) {
    country.value = known.countryCode;
    fillRegions();
    for (const name of ["streetLine1", "streetLine2", "cityName", "stateCode", "zipCode"]) byPath(box, `${base}.${name}`).value = known[name] || "";
  }
  return box;
}

function renderEnhanceProfile(step) {
  const needs = (view.current && view.current.profile) || { personalInfo: [], addresses: [], phoneNumbers: [], salutations: [], onFile: [] };
  const asks = (field) => needs.personalInfo.includes(field);
  const children = [];
  if (asks("salutation")) {
    children.push(field("enhance.salutation", "$.salutation", { options: [["", t("form.choose")], ...needs.salutations.map((s) => [s, t(`salutation.${s}`)])], autocomplete: "honorific-prefix" }));
  }
  if (asks("dateOfBirth")) {
    children.push(field("profile.dateOfBirth", "$.dateOfBirth", { type: "date", autocomplete: "bday", max: new Date().toISOString().slice(0, 10) }, "profile.dateOfBirthHint"));
  }
  needs.addresses.forEach((type, i) => children.push(addressFields(type, i, needs.onFile || [])));
  needs.phoneNumbers.forEach((type, i) => children.push(
    field(`enhance.phone.${type}`, `$.phoneNumbers[${i}].phoneNumber`, { type: "tel", inputmode: "tel", autocomplete: "tel", maxlength: "32" }, "enhance.phoneHint")));
  const f = form(t("enhance.title"), t("enhance.lead", { business: businessName() }), children, t("enhance.submit"), (f) => submitStep(f, step.name, {
    salutation: asks("salutation") ? value(f, "$.salutation") : undefined,
    dateOfBirth: asks("dateOfBirth") ? value(f, "$.dateOfBirth") : undefined,
    addresses: needs.addresses.length ? needs.addresses.map((type, i) => {
      const base = `$.addresses[${i}]`;
      return {
        type,
        streetLine1: value(f, `${base}.streetLine1`),
        streetLine2: value(f, `${base}.streetLine2`) || undefined,
        cityName: value(f, `${base}.cityName`),
        stateCode: value(f, `${base}.stateCode`),
        countryCode: value(f, `${base}.countryCode`),
        zipCode: value(f, `${base}.zipCode`).toUpperCase(),
      };
    }) : undefined,
    phoneNumbers: needs.phoneNumbers.length
      ? needs.phoneNumbers.map((type, i) => ({ type, phoneNumber: value(f, `$.phoneNumbers[${i}].phoneNumber`) }))
      : undefined,
  }), consentBlock());
  if (asks("salutation") && needs.salutation) byPath(f, "$.salutation").value = needs.salutation;
  panel(f);
}

function renderDocumentAcceptance(step) {
  const documents = (view.current && view.current.documents) || [];
  const sections = documents.map((d, i) => {
    const titleId = `document-title-${i}`;
    return h("section", { class: "document" },
      h("h3", { id: titleId, text: d.title }),
      h("p", { class: "hint", text: t("documents.version", { version: d.version }) }),
      h("div", { class: "document-text", tabindex: "0", role: "region", "aria-labelledby": titleId, text: d.text }),
      checkbox("documents.accept", `$.accepted[${i}]`, { title: d.title }));
  });
  const f = form(t("documents.title"), t("documents.lead", { business: businessName() }), [
    ...sections,
    h("p", { class: "error", id: "f-accepted-err", "data-error-for": "$.accepted" }),
  ], t("documents.submit"), (f) => {
    const missing = documents.map((_, i) => `$.accepted[${i}]`).filter((path) => !checked(f, path));
    if (missing.length) return showErrors(f, localProblem(missing.map((path) => [path, "DOCUMENT_NOT_ACCEPTED"])));
    return submitStep(f, step.name, { accepted: documents.map((d) => ({ documentId: d.documentId, version: d.version })) });
  });
  panel(f);
}
