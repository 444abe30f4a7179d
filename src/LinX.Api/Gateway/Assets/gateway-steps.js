// LinX Gateway (one of the page's scripts, run in order by gateway.html): the step form, the passcode, the profile and the two look-ups.
"use strict";

// A step's form: heading, lead, fields, then what the customer accepts by submitting (see consentBlock) and the button.
function form(title, lead, children, submitLabel, onSubmit, consent) {
  const f = h("form", { novalidate: true, "aria-labelledby": "step-title" },
    h("h2", { id: "step-title", text: title }),
    lead ? h("p", { class: "lead", text: lead }) : null,
    ...children,
    consent || null,
    h("div", { class: "actions" }, h("button", { type: "submit", class: "primary", text: submitLabel })));
  f.addEventListener("submit", async (e) => {
    e.preventDefault();
    const button = f.querySelector("button[type=submit]");
    if (button.disabled) return;
    button.disabled = true;
    button.setAttribute("aria-busy", "true");
    try { await onSubmit(f); } finally { button.disabled = false; button.removeAttribute("aria-busy"); }
  });
  return f;
}

// The text the customer accepts, exactly as the server hashes it into their evidence. An ACH debit's authorisation is
// shown in full with a checkbox the customer must tick ($.authorize); any other consent is one line.
function consentBlock() {
  const consent = view.current && view.current.consent;
  if (!consent || !consent.text) return null;
  if (!isAchDebit()) return h("p", { class: "consent", id: "consent-text", text: consent.text });
  return h("div", { class: "authorization" },
    h("h3", { id: "authorization-title", text: t("consent.achTitle") }),
    h("p", { class: "authorization-text", id: "consent-text", tabindex: "0", role: "region", "aria-labelledby": "authorization-title", text: consent.text }),
    checkbox("consent.achCheckbox", "$.authorize", { business: businessName() }));
}

function isAchDebit() {
  const c = view.current || {};
  const tx = c.transaction || {};
  return (c.consent && c.consent.kind === "ACH_DEBIT_AUTHORIZATION") || (tx.direction === "REQUEST" && tx.solution === "ach");
}

// What the customer accepts, checked on the page first (an old server would not ask for the authorisation).
function acceptance(f) {
  if (!isAchDebit()) return { body: { accept: true } };
  if (!checked(f, "$.authorize")) return { problem: localProblem([["$.authorize", "AUTHORIZATION_REQUIRED"]]) };
  return { body: { accept: true, authorize: true } };
}

async function submitTo(f, path, body) {
  const stepIndex = view.currentStep;
  const { status, data } = await api(path, "POST", body);
  if (status === 202) {
    submittedStep = stepIndex;
    $("decline-row").hidden = true;
    shownKey = `wait:${stepIndex}`;
    renderWaiting(t("wait.working"));
    focusPanelHeading();
    return;
  }
  if (status === 409 || status === 404 || status === 403 || status === 423) { shownKey = null; return load(); }
  if (status === 0) return showErrors(f, OFFLINE);
  showErrors(f, data);
}

function submitStep(f, name, body) { return submitTo(f, `/steps/${encodeURIComponent(name)}`, body); }

function renderPasscode() {
  const f = form(t("passcode.title"), t("passcode.lead"), [
    field("passcode.label", "$.passcode", { class: "code", inputmode: "numeric", autocomplete: "one-time-code", maxlength: "6", pattern: "[0-9]*" }),
  ], t("passcode.submit"), async (form) => {
    const { status, data } = await api("/passcode", "POST", { passcode: value(form, "$.passcode") });
    if (status === 204 || status === 423 || status === 404) { shownKey = null; return load(); }
    if (status === 0) return showErrors(form, OFFLINE);
    showErrors(form, data);
    form.querySelector("input").select();
  });
  panel(f);
}

const COUNTRY_CODES = ["US", "CA"];
function countryName(code) { return has(`country.${code}`) ? t(`country.${code}`) : code; }
function regionList(country) { return t(`regions.${country}`).split(",").filter(Boolean).map((r) => [r.slice(0, 2), r.slice(3)]); }
function regionOptions(country) { return [["", t(country ? "form.choose" : "profile.chooseCountryFirst")], ...regionList(country)]; }

function renderCustomerAccount() {
  const f = form(t("profile.title"), t("profile.lead"), [
    h("div", { class: "row two" },
      field("profile.firstName", "$.firstName", { autocomplete: "given-name", maxlength: "50" }),
      field("profile.lastName", "$.lastName", { autocomplete: "family-name", maxlength: "50" })),
    field("profile.email", "$.email", { type: "email", autocomplete: "email", maxlength: "254", inputmode: "email" }),
    field("profile.dateOfBirth", "$.dateOfBirth", { type: "date", autocomplete: "bday", max: new Date().toISOString().slice(0, 10) }, "profile.dateOfBirthHint"),
    h("p", { class: "hint why", id: "why-address", text: t("profile.whyAddress") }),
    field("profile.country", "$.address.countryCode", { options: [["", t("form.choose")], ...COUNTRY_CODES.map((c) => [c, countryName(c)])], autocomplete: "country" }),
    field("profile.street", "$.address.streetLine1", { autocomplete: "address-line1", maxlength: "100" }),
    field("profile.street2", "$.address.streetLine2", { autocomplete: "address-line2", maxlength: "100", optional: true }),
    field("profile.city", "$.address.city", { autocomplete: "address-level2", maxlength: "50" }),
    h("div", { class: "row two" },
      field("profile.region", "$.address.stateCode", { options: regionOptions(""), autocomplete: "address-level1" }),
      field("profile.postalCode", "$.address.postalCode", { autocomplete: "postal-code", maxlength: "10" })),
  ], t("profile.submit"), (f) => submitStep(f, "customer-account", {
    firstName: value(f, "$.firstName"),
    lastName: value(f, "$.lastName"),
    email: value(f, "$.email"),
    dateOfBirth: value(f, "$.dateOfBirth"),
    address: {
      streetLine1: value(f, "$.address.streetLine1"),
      streetLine2: value(f, "$.address.streetLine2") || undefined,
      city: value(f, "$.address.city"),
      stateCode: value(f, "$.address.stateCode"),
      postalCode: value(f, "$.address.postalCode").toUpperCase(),
      countryCode: value(f, "$.address.countryCode"),
    },
  }));
  const country = byPath(f, "$.address.countryCode");
  const region = byPath(f, "$.address.stateCode");
  const postal = byPath(f, "$.address.postalCode");
  country.addEventListener("change", () => {
    region.replaceChildren(...regionOptions(country.value).map(([v, text]) => h("option", { value: v, text })));
    postal.setAttribute("inputmode", country.value === "US" ? "numeric" : "text");
  });
  panel(f);
}

function renderLookupProfile(step) {
  const d = currentData(step);
  const place = [d.city, d.stateCode, countryName(d.countryCode)].filter(Boolean).join(", ");
  const f = form(t("lookupProfile.title"), t("lookupProfile.lead", { business: businessName() }), [
    definitionList({
      [t("summary.name")]: [d.firstName, d.lastName].filter(Boolean).join(" "),
      [t("summary.email")]: d.email,
      [t("summary.phone")]: d.phoneNumber,
      [t("summary.dateOfBirth")]: d.dateOfBirth,
      [t("summary.address")]: place,
    }),
  ], t("lookupProfile.submit"), (form) => submitStep(form, step.name, { confirm: true }));
  panel(f);
}

function accountText(d) {
  const brand = words("brand", (d.brand || "").toUpperCase()) || d.bankName || "";
  const sub = d.financialAccountSubType;
  const name = sub && has(`accountName.${sub}`) ? t(`accountName.${sub}`, { brand }).trim() : brand;
  return d.last4 ? t("account.endingIn", { account: name, last4: d.last4 }) : name;
}

function renderLookupAccount(step) {
  const d = currentData(step);
  const f = form(t("lookupAccount.title"), t("lookupAccount.lead", { business: businessName() }), [
    definitionList({
      [t("summary.account")]: accountText(d),
      [t("summary.type")]: words("subType", d.financialAccountSubType),
      [t("summary.expires")]: formatExpiry(d.expiry),
      [t("summary.name")]: d.nameOnCard || d.nameOnAccount,
    }),
  ], t("lookupAccount.submit"), (form) => submitStep(form, step.name, { confirm: true }));
  panel(f);
}
