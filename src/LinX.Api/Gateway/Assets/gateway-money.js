// LinX Gateway (one of the page's scripts, run in order by gateway.html): card and bank entry, the money movement to accept, and another try after a decline.
"use strict";

function cardBrand(digits) {
  if (/^4/.test(digits)) return ["VISA", 16];
  if (/^(5[1-5]|222[1-9]|22[3-9]|2[3-6]|27[01]|2720)/.test(digits)) return ["MASTERCARD", 16];
  if (/^3[47]/.test(digits)) return ["AMEX", 15];
  if (/^(6011|65|64[4-9])/.test(digits)) return ["DISCOVER", 16];
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

function isCardKind(kind, subType) { return kind ? kind === "card" : subType === "DEBIT" || subType === "CREDIT"; }

function cardFields() {
  return [
    field("card.number", "$.cardNumber", { inputmode: "numeric", autocomplete: "cc-number", maxlength: "23", badge: true, placeholder: "1234 5678 9012 3456" }),
    h("div", { class: "row two" },
      field("card.expiry", "$.expiry", { inputmode: "numeric", autocomplete: "cc-exp", maxlength: "7", placeholder: t("card.expiryPlaceholder") }, "card.expiryHint"),
      field("card.cvc", "$.cvc", { inputmode: "numeric", autocomplete: "cc-csc", maxlength: "4", pattern: "[0-9]*" }, "card.cvcHint")),
    h("div", { class: "row two" },
      field("card.name", "$.nameOnCard", { autocomplete: "cc-name", maxlength: "100" }),
      field("card.postalCode", "$.postalCode", { autocomplete: "postal-code", maxlength: "10" })),
    h("p", { class: "secure-note" }, h("span", { class: "lock", "aria-hidden": "true" }), t("card.secureNote")),
  ];
}

function cardBody(f) {
  return {
    cardNumber: digitsOf(f, "$.cardNumber"),
    expiry: expiryToIso(value(f, "$.expiry")),
    cvc: digitsOf(f, "$.cvc"),
    nameOnCard: value(f, "$.nameOnCard"),
    postalCode: value(f, "$.postalCode").toUpperCase(),
  };
}

function wireCard(f) {
  const input = byPath(f, "$.cardNumber");
  const badge = f.querySelector(`#${fieldId("$.cardNumber")}-badge`);
  input.addEventListener("input", () => {
    const digits = input.value.replace(/\D/g, "").slice(0, 19);
    const [brand] = cardBrand(digits);
    input.value = brand === "AMEX"
      ? [digits.slice(0, 4), digits.slice(4, 10), digits.slice(10)].filter(Boolean).join(" ")
      : digits.replace(/(\d{4})(?=\d)/g, "$1 ");
    badge.textContent = brand ? words("brand", brand) : "";
  });
  liveCheck(f, "$.cardNumber", (el) => {
    const digits = el.value.replace(/\D/g, "");
    const [, length] = cardBrand(digits);
    return digits.length >= length && !luhn(digits) ? t("card.luhn") : "";
  });
  const expiry = byPath(f, "$.expiry");
  expiry.addEventListener("input", (e) => {
    const digits = expiry.value.replace(/\D/g, "").slice(0, 4);
    const deleting = e.inputType && e.inputType.startsWith("delete");
    expiry.value = digits.length > 2 || (digits.length === 2 && !deleting) ? `${digits.slice(0, 2)}/${digits.slice(2)}` : digits;
  });
  liveCheck(f, "$.expiry", (el) => {
    const m = /^(\d{2})\/(\d{2})$/.exec(el.value);
    if (!m) return "";
    if (Number(m[1]) < 1 || Number(m[1]) > 12) return t("card.month");
    const now = new Date();
    const expired = 2000 + Number(m[2]) < now.getFullYear() || (2000 + Number(m[2]) === now.getFullYear() && Number(m[1]) < now.getMonth() + 1);
    return expired ? t("card.expired") : "";
  });
  liveCheck(f, "$.cvc", (el) => {
    const digits = el.value.replace(/\D/g, "");
    const wanted = cardBrand(digitsOf(f, "$.cardNumber"))[0] === "AMEX" ? 4 : 3;
    return digits.length > wanted || /\D/.test(el.value) ? t("card.cvcLength", { count: wanted }) : "";
  });
}

function expiryToIso(text) {
  const m = /^(\d{1,2})\s*\/\s*(\d{2}|\d{4})$/.exec(text);
  if (!m) return text;
  const year = m[2].length === 2 ? `20${m[2]}` : m[2];
  return `${year}-${m[1].padStart(2, "0")}`;
}

function bankFields(subType) {
  return [
    h("p", { class: "account-type" }, t("bank.accountType"), " ", h("strong", { text: words("subType", subType) })),
    field("bank.routing", "$.routingNumber", { inputmode: "numeric", maxlength: "9", autocomplete: "off" }, "bank.routingHint"),
    field("bank.account", "$.accountNumber", { inputmode: "numeric", maxlength: "17", autocomplete: "off" }, "bank.accountHint"),
    field("bank.accountConfirm", "$.accountNumberConfirm", { inputmode: "numeric", maxlength: "17", autocomplete: "off" }),
    field("bank.name", "$.nameOnAccount", { autocomplete: "name", maxlength: "100" }),
    h("p", { class: "secure-note" }, h("span", { class: "lock", "aria-hidden": "true" }), t("bank.secureNote")),
  ];
}

function bankBody(f) {
  return {
    routingNumber: digitsOf(f, "$.routingNumber"),
    accountNumber: digitsOf(f, "$.accountNumber"),
    accountNumberConfirm: digitsOf(f, "$.accountNumberConfirm"),
    nameOnAccount: value(f, "$.nameOnAccount"),
  };
}

function wireBank(f) {
  liveCheck(f, "$.routingNumber", (el) => {
    const digits = el.value.replace(/\D/g, "");
    return digits.length === 9 && !abaChecksum(digits) ? t("bank.routingInvalid") : "";
  });
  const mismatch = (el) => {
    const confirm = el.value.replace(/\D/g, "");
    const account = digitsOf(f, "$.accountNumber");
    if (!confirm) return "";
    const wrong = !account.startsWith(confirm) || (confirm.length >= account.length && confirm !== account);
    return wrong ? t("bank.mismatch") : "";
  };
  liveCheck(f, "$.accountNumberConfirm", mismatch);
}

// The page's own check before posting a bank account: the two account numbers must match (the server checks too).
function bankProblem(f) {
  const b = bankBody(f);
  return b.accountNumberConfirm && b.accountNumber !== b.accountNumberConfirm ? localProblem([["$.accountNumberConfirm", "ACCOUNT_NUMBER_CONFIRM_MISMATCH"]]) : null;
}

function renderFinancialAccount() {
  const c = view.current || {};
  const subType = c.financialAccountSubType || "DEBIT";
  const card = isCardKind(c.financialAccountKind, subType);
  const f = form(t(card ? `card.title.${subType}` : `bank.title.${subType}`), t(card ? "card.lead" : "bank.lead", { business: businessName() }),
    card ? cardFields() : bankFields(subType),
    t(card ? "card.submit" : "bank.submit"),
    (f) => {
      const problem = card ? null : bankProblem(f);
      return problem ? showErrors(f, problem) : submitStep(f, "financial-account", card ? cardBody(f) : bankBody(f));
    });
  if (card) wireCard(f); else wireBank(f);
  panel(f);
}

function amountBox(tx) {
  const sending = tx.direction !== "REQUEST";
  return h("div", { class: "amount-box" },
    h("p", { class: "direction", text: t(sending ? "money.sendsYou" : "money.youPay", { business: businessName() }) }),
    h("p", { class: "amount", text: money(tx.amount, tx.currency) }));
}

function renderMoveMoney(step) {
  const c = view.current || {};
  if (c.recovery) return renderRecovery(c.recovery);
  const tx = c.transaction || {};
  const sending = tx.direction !== "REQUEST";
  const f = form(t("money.title"), t("money.lead"), [
    amountBox(tx),
    definitionList({
      [t(sending ? "money.to" : "money.from")]: seen.account, // as render() last saw it (gateway.js)
      [t("money.method")]: words("solution", tx.solution),
      [t("money.speed")]: words("priority", tx.priority),
      [t("money.when")]: tx.startDateTime ? t("money.onDate", { date: formatDay(tx.startDateTime) }) : null,
      [t("money.reason")]: humanize(tx.paymentReasonId),
      [t("money.description")]: tx.description,
      [t("money.currency")]: tx.currency,
    }),
  ], t(sending ? "money.acceptSend" : "money.acceptPay"), (form) => {
    const { body, problem } = acceptance(form);
    return problem ? showErrors(form, problem) : submitStep(form, step.name, body);
  }, consentBlock());
  panel(f);
}

// After a recoverable decline: why, which try this is, and a new card or account to accept the same movement with.
function renderRecovery(r) {
  const tx = (view.current && view.current.transaction) || {};
  const card = isCardKind(r.accountKind, r.financialAccountSubType);
  const f = form(t(card ? "recovery.titleCard" : "recovery.titleBank"), t("recovery.attempt", { attempt: r.attempt + 1, max: r.maxAttempts }) /* the try about to be made */, [
    h("p", { class: "reason", id: "recovery-reason", text: failureReason(r.reasonCode) }),
    amountBox(tx),
    ...(card ? cardFields() : bankFields(r.financialAccountSubType || "CHECKING")),
  ], t(card ? "recovery.submitCard" : "recovery.submitBank"), (f) => {
    const { body, problem } = acceptance(f);
    const mismatch = card ? null : bankProblem(f);
    if (problem || mismatch) return showErrors(f, { errors: [...(mismatch ? mismatch.errors : []), ...(problem ? problem.errors : [])] });
    return submitTo(f, "/retry", { ...(card ? cardBody(f) : bankBody(f)), ...body });
  }, consentBlock());
  if (card) wireCard(f); else wireBank(f);
  panel(f);
}

// A declined or failed movement in plain words, by the server's code.
function failureReason(code) { return has(`failure.${code}`) ? t(`failure.${code}`) : t("failure.generic"); }
