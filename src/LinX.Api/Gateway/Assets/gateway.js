// LinX Gateway: the customer's page. No framework, no build step. Everything that comes from the server is set as
// text, never as HTML. The server is the authority: the page only renders GET /api/gateway/{token}, posts what the
// customer enters, and shows the server's problem details next to the fields (errors[].path is a JSON path).
"use strict";

const token = decodeURIComponent(location.pathname.split("/").filter(Boolean).pop() || "");
const $ = (id) => document.getElementById(id);
const POLL_MS = 600;          // while the orchestrator applies a submission
const POLL_GIVE_UP_MS = 25000; // then show the step again so the customer can retry
const REFRESH_MS = 15000;     // while a form is shown: notice a cancel or an expiry without a reload

let view = null;
let pollTimer = null;
let pollStartedAt = 0;
let refreshTimer = null;
let submittedStep = null; // index of the step just submitted, while the orchestrator applies it
let shownKey = null;      // what the panel shows, so a background refresh re-renders only on a change
let hasRendered = false;

function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === false || v === null || v === undefined) continue;
    if (k === "text") el.textContent = v;
    else if (k.startsWith("on")) el.addEventListener(k.slice(2), v);
    else el.setAttribute(k, v === true ? "" : v);
  }
  for (const c of children.flat()) if (c !== null && c !== undefined && c !== false) el.append(c);
  return el;
}

async function api(path, method = "GET", body) {
  try {
    const res = await fetch(`/api/gateway/${encodeURIComponent(token)}${path}`, {
      method,
      credentials: "same-origin",
      cache: "no-store",
      headers: body === undefined ? {} : { "Content-Type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const type = res.headers.get("content-type") || "";
    const data = type.includes("json") ? await res.json() : null;
    return { status: res.status, data };
  } catch {
    return { status: 0, data: null }; // offline or the server is unreachable
  }
}

// ---- loading and rendering ---------------------------------------------------------------------

const FINAL = {
  COMPLETED: ["ok", "check", "All done", "Thank you. Everything is complete and the business has been told. You can close this page."],
  DECLINED: ["bad", "cross", "Request declined", "You declined this request. The business has been told. You can close this page."],
  EXPIRED: ["info", "clock", "This link has expired", "This request is no longer available. If you still need it, ask the business to send you a new one."],
  CANCELLED: ["info", "cross", "Request cancelled", "The business cancelled this request. There is nothing more to do."],
  FAILED: ["bad", "alert", "Something went wrong", "We could not complete this request. The business has been told and will contact you."],
};
const LOCKED = ["bad", "lock", "This link is locked", "The passcode was entered wrongly too many times. Ask the business to send you a new request."];

async function load() {
  const { status, data } = await api("");
  if (status === 404) return renderError("cross", "This link is not valid", "Check the link in your text message, or ask the business for a new one.");
  if (status === 423) return renderError(...LOCKED.slice(1));
  if (status !== 200 || !data) return renderError("alert", "We can't load your request", "Check your connection and reload the page in a moment.", true);
  view = data;
  render();
}

function render() {
  const name = view.businessName || "LinX";
  $("business-name").textContent = name;
  $("business-initial").textContent = name.trim().charAt(0).toUpperCase() || "·";
  $("title").textContent = view.title || "Your request";
  setText("intro", view.introductoryMessage);
  setText("memo", view.customerMemo);
  document.title = `${view.title || "Your request"} · ${name}`;
  renderProgress();

  const active = view.status === "ACTIVE";
  const final = FINAL[view.status];
  const locked = view.locked && needsPasscode();
  setText("expiry", active && !locked && view.expireAt ? `This link expires ${formatDate(view.expireAt)}.` : "");
  $("decline-row").hidden = !active || locked || needsPasscode() || submittedStep !== null;
  if (final) return show(`final:${view.status}`, () => renderState(...final, finalDetails()));
  if (locked) return show("locked", () => renderState(...LOCKED));
  if (!active) return show("starting", () => renderWaiting("Getting your request ready…"));
  if (needsPasscode()) return show("passcode", renderPasscode);
  const step = currentStep();
  if (!step || step.status !== "ACTIVE" || submittedStep !== null) return show(`wait:${view.currentStep}`, () => renderWaiting("Working on it…"));
  const renderer = RENDERERS[step.name];
  if (!renderer || (LOOKUPS.has(step.name) && !hasData(currentData(step)))) {
    return show(`wait:${view.currentStep}`, () => renderWaiting("Loading your details…"));
  }
  show(`step:${view.currentStep}`, () => renderer(step));
}

// Renders the panel unless it already shows the same thing (keeps what the customer typed on a background refresh).
function show(key, draw) {
  if (key === shownKey && !key.startsWith("wait")) return;
  const changed = key !== shownKey;
  shownKey = key;
  draw();
  if (key.startsWith("step") || key === "passcode") startRefresh(); else stopRefresh();
  if (changed && !key.startsWith("wait")) focusPanelHeading();
  hasRendered = true;
}

function setText(id, text) {
  const el = $(id);
  el.textContent = text || "";
  el.hidden = !text;
}

function renderProgress() {
  const steps = (view.steps || []).map((s, i) => ({ ...s, index: i })).filter((s) => s.name !== "notification");
  $("progress-wrap").hidden = steps.length === 0;
  const position = steps.findIndex((s) => s.index === view.currentStep);
  const done = steps.filter((s) => s.status === "COMPLETED").length;
  $("progress-label").textContent = view.status === "ACTIVE" && position >= 0
    ? `Step ${position + 1} of ${steps.length}: ${steps[position].displayName}`
    : `${done} of ${steps.length} steps complete`;
  // Once the workflow has ended, a step still marked ACTIVE was never finished: show it as not done, not as current.
  const shown = (s) => (view.status !== "ACTIVE" && s.status === "ACTIVE" ? "CREATED" : s.status);
  $("progress").replaceChildren(...steps.map((s) =>
    h("li", { "data-status": shown(s), "aria-current": s.index === view.currentStep && view.status === "ACTIVE" ? "step" : false },
      h("span", { class: "step-name", text: s.displayName || s.name }),
      h("span", { class: "visually-hidden", text: `, ${STATUS_WORDS[shown(s)] || ""}` }))));
}

const STATUS_WORDS = {
  COMPLETED: "done", ACTIVE: "current step", CREATED: "not done", DECLINED: "declined", FAILED: "failed", CANCELLED: "cancelled", EXPIRED: "expired",
};

function needsPasscode() { return view.passcodeRequired && !view.passcodeVerified; }
function currentStep() { return (view.steps || [])[view.currentStep]; }
function currentData(step) { return (view.current && view.current.data) || step.data || {}; }
function hasData(d) { return d && Object.keys(d).length > 0; }

function panel(...children) { $("panel").replaceChildren(...children); }

// Moves focus to the new content's heading when the page changes under the customer (not on the first render, so
// that a screen reader starts at the top with the business and the request).
function focusPanelHeading() {
  const heading = $("panel").querySelector("h1, h2");
  if (!heading || !hasRendered) return;
  heading.setAttribute("tabindex", "-1");
  heading.focus({ preventScroll: false });
}

function renderState(kind, icon, title, text, details, headingLevel = 2) {
  stopPolling();
  $("decline-row").hidden = true;
  panel(h("div", { class: "state" },
    h("div", { class: `icon ${kind}`, "aria-hidden": "true" }, svgIcon(icon)),
    h(`h${headingLevel}`, { text: title }),
    h("p", { text }),
    details || null));
}

// Icons are drawn as SVG, not emoji: a phone without an emoji font would show empty boxes.
const ICONS = {
  check: ["M5 12.5l4.5 4.5L19 7.5"],
  cross: ["M7 7l10 10", "M17 7L7 17"],
  clock: ["M12 3.5a8.5 8.5 0 1 0 0 17a8.5 8.5 0 1 0 0-17z", "M12 7.5V12l3 2"],
  lock: ["M6.5 11h11v9h-11z", "M9 11V8.5a3 3 0 0 1 6 0V11"],
  alert: ["M12 6.5v7", "M12 17.5v.01"],
};

function svgIcon(name) {
  const ns = "http://www.w3.org/2000/svg";
  const svg = document.createElementNS(ns, "svg");
  for (const [k, v] of Object.entries({ viewBox: "0 0 24 24", width: "28", height: "28", fill: "none", stroke: "currentColor", "stroke-width": "2.25", "stroke-linecap": "round", "stroke-linejoin": "round", focusable: "false" })) svg.setAttribute(k, v);
  for (const d of ICONS[name] || ICONS.alert) {
    const path = document.createElementNS(ns, "path");
    path.setAttribute("d", d);
    svg.append(path);
  }
  return svg;
}

function renderError(icon, title, text, retry) {
  view = null;
  shownKey = "error";
  stopRefresh();
  // No request to introduce: the state's heading becomes the page's only heading.
  $("title").closest("section").hidden = true;
  $("business-name").textContent = "LinX";
  $("business-initial").textContent = "L";
  document.title = `${title} · LinX`;
  renderState("bad", icon, title, text, retry ? h("p", {}, h("button", { type: "button", class: "secondary", text: "Try again", onclick: () => location.reload() })) : null, 1);
  focusPanelHeading();
}

function renderWaiting(text) {
  panel(h("div", { class: "state", role: "status" }, h("span", { class: "spinner", "aria-hidden": "true" }), h("h2", { text }), h("p", { text: "This takes a few seconds." })));
  startPolling();
}

// What was done, on the final page: the transaction and the account, masked as the server sent them.
function finalDetails() {
  if (view.status !== "COMPLETED") return null;
  const items = {};
  for (const s of view.steps || []) {
    const d = s.data || {};
    if (s.name === "move-money" && d.amount) {
      items["Amount"] = money(d.amount, d.currency);
      if (d.status) items["Payment"] = humanize(d.status.toLowerCase());
    }
    if ((s.name === "financial-account" || s.name === "lookup-financial-account") && d.last4) items["Account"] = accountText(d);
    if ((s.name === "customer-account" || s.name === "lookup-profile") && (d.firstName || d.lastName)) items["Profile"] = [d.firstName, d.lastName].filter(Boolean).join(" ");
  }
  return Object.keys(items).length ? definitionList(items) : null;
}

// ---- forms and errors ----------------------------------------------------------------------------

function fieldId(path) { return "f-" + path.replace(/[^a-z0-9]/gi, "-").replace(/^-+/, ""); }

function field(label, path, attrs = {}, hint) {
  const id = fieldId(path);
  const errId = id + "-err";
  const hintId = hint ? id + "-hint" : null;
  const { options, optional, badge, ...inputAttrs } = attrs;
  const describedBy = [hintId, errId].filter(Boolean).join(" ");
  const control = options
    ? h("select", { id, name: path, "data-path": path, "aria-describedby": describedBy, required: !optional, ...inputAttrs },
        ...options.map(([v, t]) => h("option", { value: v, text: t })))
    : h("input", { id, name: path, "data-path": path, "aria-describedby": describedBy, required: !optional, ...inputAttrs });
  return h("div", { class: "field" },
    h("label", { for: id }, label, optional ? h("span", { class: "optional", text: " (optional)" }) : null),
    badge ? h("div", { class: "input-with-badge" }, control, h("span", { class: "badge", id: id + "-badge", "aria-live": "polite" })) : control,
    hint ? h("p", { class: "hint", id: hintId, text: hint }) : null,
    h("p", { class: "error", id: errId, "data-error-for": path }));
}

function clearErrors(root) {
  root.querySelectorAll("[data-error-for]").forEach((e) => (e.textContent = ""));
  root.querySelectorAll("[aria-invalid]").forEach((e) => e.removeAttribute("aria-invalid"));
  root.querySelectorAll(".banner").forEach((e) => e.remove());
}

function setFieldError(root, path, message) {
  const slot = root.querySelector(`[data-error-for="${CSS.escape(path)}"]`);
  if (!slot) return null;
  slot.textContent = message;
  const input = root.querySelector(`[data-path="${CSS.escape(path)}"]`);
  if (input) input.setAttribute("aria-invalid", "true");
  return input || slot;
}

// The server's messages name JSON properties ('firstName'); show the form's label instead.
function friendly(root, err) {
  if (err.path === "$.expiry" && err.errorCode === "INVALID_VALUE") return "Enter the expiry date as MM/YY.";
  const input = root.querySelector(`[data-path="${CSS.escape(err.path)}"]`);
  const label = input && input.id ? root.querySelector(`label[for="${CSS.escape(input.id)}"]`) : null;
  const name = label ? label.firstChild.textContent.trim() : null;
  return name ? err.message.replace(/'[A-Za-z0-9.]+'/, name) : err.message;
}

function showErrors(root, problem) {
  clearErrors(root);
  const errors = (problem && problem.errors) || [];
  const unmatched = [];
  let first = null;
  for (const err of errors) {
    const slot = root.querySelector(`[data-error-for="${CSS.escape(err.path)}"]`);
    if (!slot) { unmatched.push(err.message); continue; }
    const message = friendly(root, err);
    slot.textContent = slot.textContent ? `${slot.textContent} ${message}` : message;
    const input = root.querySelector(`[data-path="${CSS.escape(err.path)}"]`);
    if (input) input.setAttribute("aria-invalid", "true");
    first = first || input || slot;
  }
  const matched = errors.length - unmatched.length;
  let banner = null;
  if (unmatched.length || errors.length === 0 || matched > 1) {
    const text = unmatched.length ? unmatched.join(" ")
      : matched > 1 ? `Please correct the ${matched} fields marked below.`
      : (problem && (problem.detail || problem.title)) || "Something went wrong. Please try again.";
    banner = h("p", { class: "banner", role: "alert", tabindex: "-1", text });
    const anchor = root.querySelector(".lead") || root.querySelector("h2");
    if (anchor) anchor.after(banner); else root.prepend(banner);
  }
  const target = first || banner;
  if (target) target.focus();
}

// The sentence the customer accepts by submitting the step, exactly as the server hashes it into their evidence.
function consentText() { return (view.current && view.current.consent && view.current.consent.text) || null; }

function form(title, lead, children, submitLabel, onSubmit) {
  const consent = consentText();
  const f = h("form", { novalidate: true, "aria-labelledby": "step-title" },
    h("h2", { id: "step-title", text: title }),
    lead ? h("p", { class: "lead", text: lead }) : null,
    ...children,
    consent ? h("p", { class: "consent", id: "consent-text", text: consent }) : null,
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

function value(f, path) { return f.querySelector(`[data-path="${CSS.escape(path)}"]`)?.value.trim() ?? ""; }

async function submitStep(f, name, body) {
  const stepIndex = view.currentStep;
  const { status, data } = await api(`/steps/${encodeURIComponent(name)}`, "POST", body);
  if (status === 202) {
    submittedStep = stepIndex;
    $("decline-row").hidden = true;
    shownKey = `wait:${stepIndex}`;
    renderWaiting("Working on it…");
    focusPanelHeading();
    return;
  }
  if (status === 409 || status === 404 || status === 403 || status === 423) { shownKey = null; return load(); }
  if (status === 0) return showErrors(f, { detail: "We couldn't reach LinX. Check your connection and try again." });
  showErrors(f, data);
}

// ---- steps ----------------------------------------------------------------------------------------

function renderPasscode() {
  const f = form("Enter your passcode", "For your security, this request is protected by a 6-digit passcode. The business gave it to you separately.", [
    field("Passcode", "$.passcode", { class: "code", inputmode: "numeric", autocomplete: "one-time-code", maxlength: "6", pattern: "[0-9]*" }),
  ], "Continue", async (form) => {
    const { status, data } = await api("/passcode", "POST", { passcode: value(form, "$.passcode") });
    if (status === 204) { shownKey = null; return load(); }
    if (status === 423 || status === 404) { shownKey = null; return load(); }
    if (status === 0) return showErrors(form, { detail: "We couldn't reach LinX. Check your connection and try again." });
    showErrors(form, data);
    const input = form.querySelector("input");
    input.select();
  });
  panel(f);
}

const COUNTRIES = [["", "Choose…"], ["US", "United States"], ["CA", "Canada"]];
const REGIONS = {
  US: "AL Alabama,AK Alaska,AZ Arizona,AR Arkansas,CA California,CO Colorado,CT Connecticut,DE Delaware,DC District of Columbia,FL Florida,GA Georgia,HI Hawaii,ID Idaho,IL Illinois,IN Indiana,IA Iowa,KS Kansas,KY Kentucky,LA Louisiana,ME Maine,MD Maryland,MA Massachusetts,MI Michigan,MN Minnesota,MS Mississippi,MO Missouri,MT Montana,NE Nebraska,NV Nevada,NH New Hampshire,NJ New Jersey,NM New Mexico,NY New York,NC North Carolina,ND North Dakota,OH Ohio,OK Oklahoma,OR Oregon,PA Pennsylvania,RI Rhode Island,SC South Carolina,SD South Dakota,TN Tennessee,TX Texas,UT Utah,VT Vermont,VA Virginia,WA Washington,WV West Virginia,WI Wisconsin,WY Wyoming,PR Puerto Rico",
  CA: "AB Alberta,BC British Columbia,MB Manitoba,NB New Brunswick,NL Newfoundland and Labrador,NS Nova Scotia,NT Northwest Territories,NU Nunavut,ON Ontario,PE Prince Edward Island,QC Quebec,SK Saskatchewan,YT Yukon",
};

function regionOptions(country) {
  const list = (REGIONS[country] || "").split(",").filter(Boolean).map((r) => [r.slice(0, 2), r.slice(3)]);
  return [["", country ? "Choose…" : "Choose a country first"], ...list];
}

function renderCustomerAccount() {
  const f = form("Create your profile", "Tell us who you are. The business uses this to set up your account.", [
    h("div", { class: "row two" },
      field("First name", "$.firstName", { autocomplete: "given-name", maxlength: "50" }),
      field("Last name", "$.lastName", { autocomplete: "family-name", maxlength: "50" })),
    field("Email", "$.email", { type: "email", autocomplete: "email", maxlength: "254", inputmode: "email" }),
    field("Date of birth", "$.dateOfBirth", { type: "date", autocomplete: "bday", max: new Date().toISOString().slice(0, 10) }, "You must be 18 or older."),
    field("Country", "$.address.countryCode", { options: COUNTRIES, autocomplete: "country" }),
    field("Street address", "$.address.streetLine1", { autocomplete: "address-line1", maxlength: "100" }),
    field("Apartment, suite, unit", "$.address.streetLine2", { autocomplete: "address-line2", maxlength: "100", optional: true }),
    field("City", "$.address.city", { autocomplete: "address-level2", maxlength: "50" }),
    h("div", { class: "row two" },
      field("State or province", "$.address.stateCode", { options: regionOptions(""), autocomplete: "address-level1" }),
      field("ZIP or postal code", "$.address.postalCode", { autocomplete: "postal-code", maxlength: "10" })),
  ], "Create profile", (f) => submitStep(f, "customer-account", {
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
  const country = f.querySelector('[data-path="$.address.countryCode"]');
  const region = f.querySelector('[data-path="$.address.stateCode"]');
  const postal = f.querySelector('[data-path="$.address.postalCode"]');
  country.addEventListener("change", () => {
    region.replaceChildren(...regionOptions(country.value).map(([v, t]) => h("option", { value: v, text: t })));
    postal.setAttribute("inputmode", country.value === "US" ? "numeric" : "text");
  });
  panel(f);
}

function definitionList(items) {
  return h("dl", { class: "summary" }, ...Object.entries(items)
    .filter(([, v]) => v !== undefined && v !== null && v !== "")
    .flatMap(([k, v]) => [h("dt", { text: k }), h("dd", { text: String(v) })]));
}

const REGION_NAMES = Object.fromEntries(Object.values(REGIONS).flatMap((list) => list.split(",").map((r) => [r.slice(0, 2), r.slice(3)])));

function renderLookupProfile(step) {
  const d = currentData(step);
  const place = [d.city, d.stateCode, d.countryCode === "CA" ? "Canada" : d.countryCode === "US" ? "United States" : d.countryCode].filter(Boolean).join(", ");
  const f = form("Is this you?", `${view.businessName || "The business"} has these details on file. Some are partly hidden to protect you.`, [
    definitionList({ Name: [d.firstName, d.lastName].filter(Boolean).join(" "), Email: d.email, Phone: d.phoneNumber, "Date of birth": d.dateOfBirth, Address: place }),
  ], "Yes, that's me", (form) => submitStep(form, step.name, { confirm: true }));
  panel(f);
}

const BRANDS = { VISA: "Visa", MASTERCARD: "Mastercard", AMEX: "American Express", DISCOVER: "Discover" };
const SUBTYPES = { DEBIT: "Debit card", CREDIT: "Credit card", CHECKING: "Checking account", SAVING: "Savings account" };

function accountText(d) {
  const brand = BRANDS[(d.brand || "").toUpperCase()] || d.brand || d.bankName || "";
  const kind = SUBTYPES[d.financialAccountSubType] || "";
  return [brand, kind.toLowerCase()].filter(Boolean).join(" ") + (d.last4 ? ` ending in ${d.last4}` : "");
}

function renderLookupAccount(step) {
  const d = currentData(step);
  const f = form("Use this account?", `${view.businessName || "The business"} will use this account on file.`, [
    definitionList({ Account: accountText(d), Type: SUBTYPES[d.financialAccountSubType], Expires: formatExpiry(d.expiry), Name: d.nameOnCard || d.nameOnAccount }),
  ], "Use this account", (form) => submitStep(form, step.name, { confirm: true }));
  panel(f);
}

function formatExpiry(yyyyMm) {
  const m = /^(\d{4})-(\d{2})$/.exec(yyyyMm || "");
  return m ? `${m[2]}/${m[1]}` : yyyyMm;
}

function cardBrand(digits) {
  if (/^4/.test(digits)) return ["Visa", 16];
  if (/^(5[1-5]|222[1-9]|22[3-9]|2[3-6]|27[01]|2720)/.test(digits)) return ["Mastercard", 16];
  if (/^3[47]/.test(digits)) return ["American Express", 15];
  if (/^(6011|65|64[4-9])/.test(digits)) return ["Discover", 16];
  return ["", 16];
}

function luhn(digits) {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) { d *= 2; if (d > 9) d -= 9; }
    sum += d;
  }
  return sum % 10 === 0;
}

function abaChecksum(digits) {
  if (!/^\d{9}$/.test(digits)) return false;
  const w = [3, 7, 1];
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(digits[i]) * w[i % 3];
  return sum % 10 === 0;
}

// Checks a field as the customer types; the server still decides on submit.
function liveCheck(f, path, check) {
  const input = f.querySelector(`[data-path="${CSS.escape(path)}"]`);
  const slot = f.querySelector(`[data-error-for="${CSS.escape(path)}"]`);
  input.addEventListener("input", () => {
    const message = check(input);
    slot.textContent = message || "";
    if (message) input.setAttribute("aria-invalid", "true"); else input.removeAttribute("aria-invalid");
  });
}

function renderFinancialAccount(step) {
  const subType = (view.current && view.current.financialAccountSubType) || "DEBIT";
  const isCard = (view.current && view.current.financialAccountKind) ? view.current.financialAccountKind === "card" : subType === "DEBIT" || subType === "CREDIT";
  return isCard ? renderCard(step, subType) : renderBank(step, subType);
}

function renderCard(step, subType) {
  const kind = subType === "CREDIT" ? "credit" : "debit";
  const f = form(`Add your ${kind} card`, `${view.businessName || "The business"} asked for a ${kind} card.`, [
    field("Card number", "$.cardNumber", { inputmode: "numeric", autocomplete: "cc-number", maxlength: "23", badge: true, placeholder: "1234 5678 9012 3456" }),
    h("div", { class: "row two" },
      field("Expiry date", "$.expiry", { inputmode: "numeric", autocomplete: "cc-exp", maxlength: "7", placeholder: "MM/YY" }, "Month and year, as on the card."),
      field("Name on card", "$.nameOnCard", { autocomplete: "cc-name", maxlength: "100" })),
    h("p", { class: "secure-note" }, h("span", { class: "lock", "aria-hidden": "true" }), "LinX keeps only the card brand, the last 4 digits and the expiry date."),
  ], "Add card", (f) => submitStep(f, "financial-account", {
    cardNumber: value(f, "$.cardNumber").replace(/\D/g, ""),
    expiry: expiryToIso(value(f, "$.expiry")),
    nameOnCard: value(f, "$.nameOnCard"),
  }));
  const input = f.querySelector('[data-path="$.cardNumber"]');
  const badge = f.querySelector(`#${fieldId("$.cardNumber")}-badge`);
  input.addEventListener("input", () => {
    const digits = input.value.replace(/\D/g, "").slice(0, 19);
    const [brand] = cardBrand(digits);
    input.value = brand === "American Express"
      ? [digits.slice(0, 4), digits.slice(4, 10), digits.slice(10)].filter(Boolean).join(" ")
      : digits.replace(/(\d{4})(?=\d)/g, "$1 ");
    badge.textContent = brand;
  });
  liveCheck(f, "$.cardNumber", (el) => {
    const digits = el.value.replace(/\D/g, "");
    const [, length] = cardBrand(digits);
    return digits.length >= length && !luhn(digits) ? "This card number isn't valid. Check the digits." : "";
  });
  const expiry = f.querySelector('[data-path="$.expiry"]');
  expiry.addEventListener("input", (e) => {
    const digits = expiry.value.replace(/\D/g, "").slice(0, 4);
    const deleting = e.inputType && e.inputType.startsWith("delete");
    expiry.value = digits.length > 2 || (digits.length === 2 && !deleting) ? `${digits.slice(0, 2)}/${digits.slice(2)}` : digits;
  });
  liveCheck(f, "$.expiry", (el) => {
    const m = /^(\d{2})\/(\d{2})$/.exec(el.value);
    if (!m) return "";
    if (Number(m[1]) < 1 || Number(m[1]) > 12) return "The month must be 01 to 12.";
    const now = new Date();
    const expired = 2000 + Number(m[2]) < now.getFullYear() || (2000 + Number(m[2]) === now.getFullYear() && Number(m[1]) < now.getMonth() + 1);
    return expired ? "This card has expired." : "";
  });
  panel(f);
}

function expiryToIso(text) {
  const m = /^(\d{1,2})\s*\/\s*(\d{2}|\d{4})$/.exec(text);
  if (!m) return text;
  const year = m[2].length === 2 ? `20${m[2]}` : m[2];
  return `${year}-${m[1].padStart(2, "0")}`;
}

function renderBank(step, subType) {
  const type = subType === "SAVING" ? "savings" : "checking";
  const f = form(`Add your ${type} account`, `${view.businessName || "The business"} asked for a bank account.`, [
    h("p", { class: "account-type" }, "Account type: ", h("strong", { text: SUBTYPES[subType] || humanize(String(subType).toLowerCase()) })),
    field("Routing number", "$.routingNumber", { inputmode: "numeric", maxlength: "9", autocomplete: "off" }, "9 digits, at the bottom left of a cheque."),
    field("Account number", "$.accountNumber", { inputmode: "numeric", maxlength: "17", autocomplete: "off" }, "4 to 17 digits."),
    field("Name on account", "$.nameOnAccount", { autocomplete: "name", maxlength: "100" }),
    h("p", { class: "secure-note" }, h("span", { class: "lock", "aria-hidden": "true" }), "LinX keeps only the last 4 digits of the account number."),
  ], "Add account", (f) => submitStep(f, "financial-account", {
    routingNumber: value(f, "$.routingNumber").replace(/\D/g, ""),
    accountNumber: value(f, "$.accountNumber").replace(/\D/g, ""),
    nameOnAccount: value(f, "$.nameOnAccount"),
  }));
  liveCheck(f, "$.routingNumber", (el) => {
    const digits = el.value.replace(/\D/g, "");
    return digits.length === 9 && !abaChecksum(digits) ? "This routing number isn't valid. Check the digits." : "";
  });
  panel(f);
}

const SOLUTIONS = { "push-to-card": "Instant payment to your card", ach: "ACH bank transfer", wire: "Wire transfer" };
const PRIORITIES = { IMMEDIATE: "Immediate", SAME_DAY: "Same day", NEXT_DAY: "Next business day", STANDARD: "Standard (1–3 business days)" };

function humanize(id) {
  if (!id) return id;
  const text = String(id).replace(/[-_]/g, " ");
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function money(amount, currency) {
  try { return new Intl.NumberFormat(undefined, { style: "currency", currency: currency || "USD" }).format(Number(amount)); }
  catch { return `${amount} ${currency || ""}`.trim(); }
}

function accountOnFile() {
  for (const s of view.steps || []) {
    if ((s.name === "financial-account" || s.name === "lookup-financial-account") && s.data && s.data.last4) return accountText(s.data);
  }
  return null;
}

function renderMoveMoney(step) {
  const t = (view.current && view.current.transaction) || {};
  const business = view.businessName || "The business";
  const sending = t.direction !== "REQUEST";
  const f = form("Review and accept", "Check the details. Nothing moves until you accept.", [
    h("div", { class: "amount-box" },
      h("p", { class: "direction", text: sending ? `${business} sends you` : `You pay ${business}` }),
      h("p", { class: "amount", text: money(t.amount, t.currency) })),
    definitionList({
      [sending ? "To" : "From"]: accountOnFile(),
      Method: SOLUTIONS[t.solution] || t.solution,
      Speed: PRIORITIES[t.priority] || humanize(t.priority),
      Reason: humanize(t.paymentReasonId),
      Description: t.description,
      Currency: t.currency,
    }),
  ], sending ? "Accept payment" : "Accept and pay", (form) => submitStep(form, "move-money", { accept: true }));
  panel(f);
}

const LOOKUPS = new Set(["lookup-profile", "lookup-financial-account"]);
const RENDERERS = {
  "customer-account": renderCustomerAccount,
  "lookup-profile": renderLookupProfile,
  "financial-account": renderFinancialAccount,
  "lookup-financial-account": renderLookupAccount,
  "move-money": renderMoveMoney,
};

function formatDate(iso) {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? "" : `on ${d.toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" })}`;
}

// ---- polling while the orchestrator applies a submission; a slow refresh while a form is shown ----

function startPolling() {
  stopRefresh();
  if (pollTimer) return;
  pollStartedAt = Date.now();
  pollTimer = setInterval(poll, POLL_MS);
}

async function poll() {
  const { status, data } = await api("");
  if (!pollTimer) return;
  if (status === 0) return; // keep trying while offline
  if (status !== 200 || !data) { stopPolling(); shownKey = null; return load(); }
  const step = data.steps[data.currentStep] || {};
  const applied = submittedStep === null || data.currentStep !== submittedStep || step.status !== "ACTIVE";
  const ready = step.status === "ACTIVE" && (!LOOKUPS.has(step.name) || hasData((data.current && data.current.data) || step.data));
  const gaveUp = Date.now() - pollStartedAt > POLL_GIVE_UP_MS;
  view = data;
  if (data.status !== "ACTIVE" || (applied && ready) || gaveUp) {
    submittedStep = null;
    stopPolling();
    render();
  }
}

function stopPolling() { clearInterval(pollTimer); pollTimer = null; }

function startRefresh() {
  if (refreshTimer) return;
  refreshTimer = setInterval(refresh, REFRESH_MS);
}

function stopRefresh() { clearInterval(refreshTimer); refreshTimer = null; }

async function refresh() {
  if (pollTimer || !view || document.hidden) return;
  const { status, data } = await api("");
  if (status === 0) return;
  if (status !== 200 || !data) { shownKey = null; return load(); }
  if (data.status !== view.status || data.currentStep !== view.currentStep || data.locked !== view.locked) { view = data; render(); }
}

document.addEventListener("visibilitychange", () => { if (!document.hidden) refresh(); });

// ---- decline ------------------------------------------------------------------------------------

function setupDecline() {
  const dialog = $("decline-dialog");
  const f = $("decline-form");
  $("decline-open").addEventListener("click", () => { clearErrors(f); f.reset(); dialog.showModal(); f.querySelector("input").focus(); });
  $("decline-cancel").addEventListener("click", () => dialog.close());
  dialog.addEventListener("close", () => $("decline-open").focus());
  f.addEventListener("submit", async (e) => {
    e.preventDefault();
    clearErrors(f);
    const reason = f.querySelector("input[name=reason]:checked")?.value;
    if (!reason) return showErrors(f, { errors: [{ path: "$.reason", message: "Choose a reason." }] });
    const comment = f.querySelector("textarea").value.trim();
    const button = $("decline-submit");
    button.disabled = true;
    const { status, data } = await api("/decline", "POST", { reason, comment: comment || undefined });
    button.disabled = false;
    if (status === 202 || status === 204) {
      dialog.close();
      submittedStep = view.currentStep;
      $("decline-row").hidden = true;
      shownKey = `wait:${view.currentStep}`;
      renderWaiting("Declining…");
      focusPanelHeading();
      return;
    }
    if (status === 409 || status === 404 || status === 403) { dialog.close(); shownKey = null; return load(); }
    showErrors(f, data || { detail: "We couldn't reach LinX. Check your connection and try again." });
  });
}

setupDecline();
load();
