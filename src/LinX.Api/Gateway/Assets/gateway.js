// LinX Gateway: the customer's page. No framework, no build step. Everything shown from the server is
// set as text (never as HTML). Field errors come from the server's problem details (errors[].path).
"use strict";

const token = decodeURIComponent(location.pathname.split("/").filter(Boolean).pop() || "");
const $ = (id) => document.getElementById(id);
let view = null;
let pollTimer = null;
let submittedStep = null; // index of the step the customer just submitted, while the orchestrator applies it

function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === false || v === null || v === undefined) continue;
    if (k === "text") el.textContent = v;
    else if (k.startsWith("on")) el.addEventListener(k.slice(2), v);
    else el.setAttribute(k, v === true ? "" : v);
  }
  for (const c of children.flat()) if (c !== null && c !== undefined) el.append(c);
  return el;
}

async function api(path, method = "GET", body) {
  const res = await fetch(`/api/gateway/${encodeURIComponent(token)}${path}`, {
    method,
    credentials: "same-origin",
    headers: body === undefined ? {} : { "Content-Type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  let data = null;
  const type = res.headers.get("content-type") || "";
  if (type.includes("json")) data = await res.json();
  return { status: res.status, data };
}

const STEP_TITLES = {
  "notification": "Link received",
  "customer-account": "Your profile",
  "lookup-profile": "Confirm your profile",
  "financial-account": "Add an account",
  "lookup-financial-account": "Confirm your account",
  "move-money": "Review and accept",
};

const FINAL = {
  COMPLETED: ["✓", "All done", "Thank you. Everything is complete; you can close this page."],
  DECLINED: ["✕", "Request declined", "You declined this request. The business has been told."],
  EXPIRED: ["⌛", "This link has expired", "Ask the business to send you a new request."],
  CANCELLED: ["✕", "Request cancelled", "The business cancelled this request."],
  FAILED: ["!", "Something went wrong", "We could not complete this request. The business has been told and will contact you."],
};

async function load() {
  const { status, data } = await api("");
  if (status === 404) return renderMessage("✕", "This link is not valid", "Check the link in your text message, or ask the business for a new one.");
  if (status === 423) return renderMessage("🔒", "This link is locked", "Too many wrong passcodes. Ask the business to send you a new request.");
  if (status >= 400 || !data) return renderMessage("!", "We can't load your request", "Please try again in a moment.");
  view = data;
  if (view.locked) return renderMessage("🔒", "This link is locked", "Too many wrong passcodes. Ask the business to send you a new request.");
  render();
}

function render() {
  $("business-name").textContent = view.businessName || "LinX";
  $("title").textContent = view.title || "Your request";
  $("intro").textContent = view.introductoryMessage || "";
  $("expiry").textContent = view.expireAt && view.status === "ACTIVE" ? `This link expires on ${new Date(view.expireAt).toLocaleString()}.` : "";
  document.title = `${view.title || "Request"} · LinX`;
  const progress = $("progress");
  progress.replaceChildren(...(view.steps || []).filter((s) => s.name !== "notification").map((s) =>
    h("li", { "data-status": s.status, "aria-current": s.status === "ACTIVE" ? "step" : false, text: s.displayName || STEP_TITLES[s.name] || s.name })));

  const final = FINAL[view.status];
  $("decline-row").hidden = !!final || view.status !== "ACTIVE" || needsPasscode();
  if (final) return renderMessage(...final);
  if (view.status !== "ACTIVE") return renderWaiting("Getting your request ready…");
  if (needsPasscode()) return renderPasscode();
  const step = currentStep();
  if (!step) return renderWaiting("Working on it…");
  if (step.status !== "ACTIVE") return renderWaiting("Working on it…");
  const renderer = RENDERERS[step.name];
  if (!renderer) return renderWaiting("Working on it…");
  renderer(step);
}

function needsPasscode() { return view.passcodeRequired && !view.passcodeVerified; }

function currentStep() { return (view.steps || [])[view.currentStep]; }

function panel(...children) {
  $("panel").replaceChildren(...children);
}

function renderMessage(icon, title, text) {
  stopPolling();
  $("decline-row").hidden = true;
  panel(h("div", { class: "state", role: "status" },
    h("span", { class: "icon", "aria-hidden": "true", text: icon }),
    h("h2", { text: title }),
    h("p", { text })));
}

function renderWaiting(text) {
  panel(h("div", { class: "state", role: "status" }, h("span", { class: "spinner", "aria-hidden": "true" }), " ", h("span", { text })));
  startPolling();
}

// ---- forms and errors ----------------------------------------------------------------------------

function field(label, path, attrs = {}, hint) {
  const id = "f-" + path.replace(/[^a-z0-9]/gi, "-");
  const errId = id + "-err";
  const control = attrs.options
    ? h("select", { id, name: path, "data-path": path, "aria-describedby": errId, required: attrs.required },
        ...attrs.options.map(([v, t]) => h("option", { value: v, text: t })))
    : h("input", { id, name: path, "data-path": path, "aria-describedby": errId, ...attrs });
  return h("div", { class: "row" },
    h("label", { for: id, text: label }),
    control,
    hint ? h("p", { class: "hint", id: id + "-hint", text: hint }) : null,
    h("p", { class: "error", id: errId, "data-error-for": path, role: "alert" }));
}

function clearErrors(root) {
  root.querySelectorAll("[data-error-for]").forEach((e) => (e.textContent = ""));
  root.querySelectorAll("[aria-invalid]").forEach((e) => e.removeAttribute("aria-invalid"));
  root.querySelectorAll(".banner").forEach((e) => e.remove());
}

function showErrors(root, problem) {
  clearErrors(root);
  const unmatched = [];
  let first = null;
  for (const err of (problem && problem.errors) || []) {
    const slot = root.querySelector(`[data-error-for="${CSS.escape(err.path)}"]`);
    if (!slot) { unmatched.push(err.message); continue; }
    slot.textContent = slot.textContent ? `${slot.textContent} ${err.message}` : err.message;
    const input = root.querySelector(`[data-path="${CSS.escape(err.path)}"]`);
    if (input) { input.setAttribute("aria-invalid", "true"); first = first || input; }
  }
  if (unmatched.length || !(problem && problem.errors && problem.errors.length)) {
    const text = unmatched.length ? unmatched.join(" ") : (problem && (problem.detail || problem.title)) || "Please check your details.";
    root.prepend(h("p", { class: "banner", role: "alert", text }));
  }
  (first || root.querySelector(".banner"))?.focus?.();
  if (first) first.focus();
}

function form(title, children, submitLabel, onSubmit) {
  const f = h("form", { novalidate: true, "aria-labelledby": "step-title" },
    h("h2", { id: "step-title", text: title }),
    ...children,
    h("div", { class: "actions" }, h("button", { type: "submit", class: "primary", text: submitLabel })));
  f.addEventListener("submit", async (e) => {
    e.preventDefault();
    const button = f.querySelector("button[type=submit]");
    button.disabled = true;
    try { await onSubmit(f); } finally { button.disabled = false; }
  });
  return f;
}

function value(f, path) { return f.querySelector(`[data-path="${CSS.escape(path)}"]`)?.value.trim() ?? ""; }

async function submitStep(f, name, body) {
  const stepIndex = view.currentStep;
  const { status, data } = await api(`/steps/${encodeURIComponent(name)}`, "POST", body);
  if (status === 202) {
    submittedStep = stepIndex;
    renderWaiting("Working on it…");
    return;
  }
  if (status === 409 || status === 404) return load();
  showErrors(f, data);
}

// ---- steps ----------------------------------------------------------------------------------------

function renderPasscode() {
  const f = form("Enter your passcode", [
    h("p", { text: "The business gave you a 6-digit passcode with this request." }),
    field("Passcode", "$.passcode", { inputmode: "numeric", autocomplete: "one-time-code", maxlength: "6", pattern: "[0-9]{6}", required: true }),
  ], "Continue", async (form) => {
    const { status, data } = await api("/passcode", "POST", { passcode: value(form, "$.passcode") });
    if (status === 204) return load();
    if (status === 423) return load();
    showErrors(form, data);
  });
  panel(f);
  f.querySelector("input").focus();
}

function renderCustomerAccount() {
  const f = form("Create your profile", [
    h("div", { class: "row two" },
      field("First name", "$.firstName", { autocomplete: "given-name", required: true, maxlength: "50" }),
      field("Last name", "$.lastName", { autocomplete: "family-name", required: true, maxlength: "50" })),
    field("Email", "$.email", { type: "email", autocomplete: "email", required: true, maxlength: "254" }),
    field("Date of birth", "$.dateOfBirth", { type: "date", autocomplete: "bday", required: true }),
    field("Street address", "$.address.streetLine1", { autocomplete: "address-line1", required: true, maxlength: "100" }),
    field("Apartment, suite (optional)", "$.address.streetLine2", { autocomplete: "address-line2", maxlength: "100" }),
    h("div", { class: "row two" },
      field("City", "$.address.city", { autocomplete: "address-level2", required: true, maxlength: "60" }),
      field("State or province (code)", "$.address.stateCode", { autocomplete: "address-level1", required: true, maxlength: "2" })),
    h("div", { class: "row two" },
      field("ZIP or postal code", "$.address.postalCode", { autocomplete: "postal-code", required: true, maxlength: "10" }),
      field("Country", "$.address.countryCode", { options: [["US", "United States"], ["CA", "Canada"]], required: true })),
  ], "Create profile", (f) => submitStep(f, "customer-account", {
    firstName: value(f, "$.firstName"),
    lastName: value(f, "$.lastName"),
    email: value(f, "$.email"),
    dateOfBirth: value(f, "$.dateOfBirth"),
    address: {
      streetLine1: value(f, "$.address.streetLine1"),
      streetLine2: value(f, "$.address.streetLine2") || undefined,
      city: value(f, "$.address.city"),
      stateCode: value(f, "$.address.stateCode").toUpperCase(),
      postalCode: value(f, "$.address.postalCode"),
      countryCode: value(f, "$.address.countryCode"),
    },
  }));
  panel(f);
  f.querySelector("input").focus();
}

function summary(data, labels) {
  return h("dl", { class: "summary" }, ...Object.entries(labels)
    .filter(([k]) => data && data[k] !== undefined && data[k] !== null && data[k] !== "")
    .flatMap(([k, label]) => [h("dt", { text: label }), h("dd", { text: String(data[k]) })]));
}

function currentData(step) { return (view.current && view.current.data) || step.data || {}; }

function renderConfirm(step, title, labels, button) {
  const f = form(title, [summary(currentData(step), labels)], button, (form) => submitStep(form, step.name, { confirm: true }));
  panel(f);
  f.querySelector("button").focus();
}

const PROFILE_LABELS = { name: "Name", firstName: "First name", lastName: "Last name", email: "Email", phoneNumber: "Phone", dateOfBirth: "Date of birth", address: "Address" };
const ACCOUNT_LABELS = { type: "Type", financialAccountSubType: "Type", brand: "Card", bankName: "Bank", last4: "Ending in", expiry: "Expires", routingNumber: "Routing number", nameOnAccount: "Name", nameOnCard: "Name" };

function cardBrand(digits) {
  if (/^4/.test(digits)) return "Visa";
  if (/^(5[1-5]|2(2[2-9][1-9]|2[3-9]|[3-6]|7[01]|720))/.test(digits)) return "Mastercard";
  if (/^3[47]/.test(digits)) return "American Express";
  if (/^(6011|65|64[4-9])/.test(digits)) return "Discover";
  return "";
}

function luhn(digits) {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) { d *= 2; if (d > 9) d -= 9; }
    sum += d;
  }
  return digits.length >= 12 && sum % 10 === 0;
}

function renderFinancialAccount(step) {
  const subType = (view.current && view.current.financialAccountSubType) || "DEBIT";
  const isCard = subType === "DEBIT" || subType === "CREDIT";
  if (isCard) {
    const f = form(`Add your ${subType === "DEBIT" ? "debit" : "credit"} card`, [
      field("Card number", "$.cardNumber", { inputmode: "numeric", autocomplete: "cc-number", required: true, maxlength: "23" }, "We keep only the brand and the last 4 digits."),
      h("p", { class: "brand-tag", id: "card-brand", "aria-live": "polite" }),
      h("div", { class: "row two" },
        field("Expiry", "$.expiry", { type: "month", autocomplete: "cc-exp", required: true }),
        field("Name on card", "$.nameOnCard", { autocomplete: "cc-name", required: true, maxlength: "60" })),
    ], "Add card", (f) => submitStep(f, "financial-account", {
      cardNumber: value(f, "$.cardNumber").replace(/\D/g, ""),
      expiry: value(f, "$.expiry"),
      nameOnCard: value(f, "$.nameOnCard"),
    }));
    const input = f.querySelector('[data-path="$.cardNumber"]');
    const err = f.querySelector('[data-error-for="$.cardNumber"]');
    input.addEventListener("input", () => {
      const digits = input.value.replace(/\D/g, "").slice(0, 19);
      input.value = digits.replace(/(.{4})/g, "$1 ").trim();
      const brand = cardBrand(digits);
      $("card-brand").textContent = brand ? `${brand} card` : "";
      const complete = digits.length >= 15;
      const ok = luhn(digits);
      err.textContent = complete && !ok ? "This card number doesn't look right. Please check it." : "";
      if (complete && !ok) input.setAttribute("aria-invalid", "true"); else input.removeAttribute("aria-invalid");
    });
    panel(f);
    input.focus();
    return;
  }
  const f = form(`Add your ${subType === "SAVING" ? "savings" : "checking"} account`, [
    field("Routing number", "$.routingNumber", { inputmode: "numeric", required: true, maxlength: "9" }, "9 digits, at the bottom left of a cheque."),
    field("Account number", "$.accountNumber", { inputmode: "numeric", required: true, maxlength: "17" }, "We keep only the last 4 digits."),
    field("Name on account", "$.nameOnAccount", { autocomplete: "name", required: true, maxlength: "60" }),
  ], "Add account", (f) => submitStep(f, "financial-account", {
    routingNumber: value(f, "$.routingNumber"),
    accountNumber: value(f, "$.accountNumber"),
    nameOnAccount: value(f, "$.nameOnAccount"),
  }));
  panel(f);
  f.querySelector("input").focus();
}

const SOLUTIONS = { "push-to-card": "Push to card", ach: "ACH bank transfer", wire: "Wire transfer" };
const PRIORITIES = { IMMEDIATE: "Immediate", SAME_DAY: "Same day", NEXT_DAY: "Next day", STANDARD: "Standard (2–3 business days)" };

function humanize(id) {
  if (!id) return id;
  const text = String(id).replace(/-/g, " ");
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function renderMoveMoney(step) {
  const d = { ...currentData(step), ...((view.current && view.current.transaction) || {}) };
  const amount = d.amount !== undefined ? new Intl.NumberFormat(undefined, { style: "currency", currency: d.currency || "USD" }).format(Number(d.amount)) : "";
  const direction = (d.direction || d.transactionType) === "REQUEST" ? "You pay the business" : "The business pays you";
  const f = form("Review and accept", [
    h("p", { class: "amount", text: amount }),
    summary({ ...d, direction, solution: SOLUTIONS[d.solution] || d.solution, priority: PRIORITIES[d.priority] || d.priority, paymentReasonId: humanize(d.paymentReasonId) }, { direction: "Direction", solution: "Method", priority: "Speed", paymentReason: "Reason", paymentReasonId: "Reason", description: "Description", account: "Account", financialAccount: "Account" }),
  ], "Accept", (form) => submitStep(form, "move-money", { accept: true }));
  panel(f);
  f.querySelector("button").focus();
}

const RENDERERS = {
  "customer-account": renderCustomerAccount,
  "lookup-profile": (s) => renderConfirm(s, "Is this you?", PROFILE_LABELS, "Yes, that's me"),
  "financial-account": renderFinancialAccount,
  "lookup-financial-account": (s) => renderConfirm(s, "Use this account?", ACCOUNT_LABELS, "Use this account"),
  "move-money": renderMoveMoney,
};

// ---- polling while the orchestrator applies a submission ----------------------------------------

function startPolling() {
  if (pollTimer) return;
  pollTimer = setInterval(async () => {
    const { status, data } = await api("");
    if (status !== 200 || !data) { stopPolling(); return load(); }
    const ready = (data.steps[data.currentStep] || {}).status === "ACTIVE";
    const changed = data.status !== "ACTIVE"
      || (submittedStep === null ? ready : data.currentStep !== submittedStep || (data.steps[submittedStep] || {}).status !== "ACTIVE");
    view = data;
    if (changed) { submittedStep = null; stopPolling(); render(); }
  }, 700);
}

function stopPolling() { clearInterval(pollTimer); pollTimer = null; }

// ---- decline ------------------------------------------------------------------------------------

function setupDecline() {
  const dialog = $("decline-dialog");
  const f = $("decline-form");
  $("decline-open").addEventListener("click", () => { clearErrors(f); dialog.showModal(); f.querySelector("input").focus(); });
  $("decline-cancel").addEventListener("click", () => dialog.close());
  f.addEventListener("submit", async (e) => {
    e.preventDefault();
    const reason = f.querySelector("input[name=reason]:checked")?.value;
    if (!reason) return showErrors(f, { errors: [{ path: "$.reason", message: "Choose a reason." }] });
    const comment = f.querySelector("textarea").value.trim();
    const { status, data } = await api("/decline", "POST", { reason, comment: comment || undefined });
    if (status === 202 || status === 204) { dialog.close(); submittedStep = view.currentStep; renderWaiting("Declining…"); return; }
    if (status === 409) { dialog.close(); return load(); }
    showErrors(f, data);
  });
}

setupDecline();
load();
