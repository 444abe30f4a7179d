// LinX Gateway, the page itself (its last script; gateway.html loads the others first). No framework, no build step. Everything that comes from the server is
// set as text, never as HTML. The server is the authority: the page only renders GET /api/gateway/{token}, posts what
// the customer enters, and shows the server's problem details next to the fields (errors[].path is a JSON path).
"use strict";

const token = decodeURIComponent(location.pathname.split("/").filter(Boolean).pop() || "");
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
let lastTransaction = null; // the movement the customer accepted, to say on the last page what happens next
// The customer's name and account as this page showed them while the request was open: an ended link's view carries
// neither (whoever opens it later sees only the end state), but the customer who just finished sees their own.
const seen = { name: null, account: null };

// The view is asked for in the page's locale and submissions say it, so that the sentence the customer accepts is the
// one the server hashes into their evidence.
async function api(path, method = "GET", body) {
  const url = `/api/gateway/${encodeURIComponent(token)}${path}` + (path === "" ? `?locale=${encodeURIComponent(locale)}` : "");
  if (body !== undefined && (path.startsWith("/steps/") || path === "/retry")) body = { ...body, locale };
  try {
    const res = await fetch(url, {
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

const FINAL = { COMPLETED: ["ok", "check"], DECLINED: ["bad", "cross"], EXPIRED: ["info", "clock"], CANCELLED: ["info", "cross"], FAILED: ["bad", "alert"] };

async function load() {
  const [{ status, data }] = await Promise.all([api(""), loadStrings(view && view.locale, view && view.defaultLocale)]);
  if (status === 404) return renderError("cross", "invalid");
  if (status === 423) return renderError("lock", "locked");
  if (status !== 200 || !data) return renderError("alert", "unavailable", true);
  const asked = locale;
  await accept(data);
  // The request named another language than the browser's guess: ask again for its consent sentence in that language.
  const again = locale === asked ? null : await api("");
  if (again && again.status === 200 && again.data) await accept(again.data);
  render();
}

// Takes a new view; a change of locale reloads the strings and redraws the panel.
async function accept(data) {
  view = data;
  if (await loadStrings(data.locale, data.defaultLocale)) shownKey = null;
  applyBrand();
}

function businessName() { return (view && ((view.brand && view.brand.displayName) || view.businessName)) || "LinX"; }

// The request's heading: the business's memo to the customer, or this kind of request's own words; never `title`.
function heading() {
  if (view.customerMemo) return view.customerMemo;
  return has(`heading.${view.headingKind}`) ? t(`heading.${view.headingKind}`) : t("heading.default");
}

function render() {
  remember();
  const name = businessName();
  $("title").textContent = heading();
  setText("intro", view.introductoryMessage);
  document.title = `${heading()} · ${name}`;
  renderProgress();

  const active = view.status === "ACTIVE";
  const locked = view.locked && needsPasscode();
  setText("expiry", active && !locked && view.expireAt ? t("page.expires", { date: formatDate(view.expireAt) }) : "");
  $("decline-row").hidden = !active || locked || needsPasscode() || submittedStep !== null;
  if (FINAL[view.status]) return show(`final:${view.status}`, () => renderFinal(view.status));
  if (locked) return show("locked", () => renderState("bad", "lock", t("state.locked.title"), t("state.locked.text")));
  if (!active) return show("starting", () => renderWaiting(t("wait.starting")));
  if (needsPasscode()) return show("passcode", renderPasscode);
  const step = currentStep();
  if (!step || step.status !== "ACTIVE" || submittedStep !== null) return show(`wait:${view.currentStep}`, () => renderWaiting(t("wait.working")));
  const renderer = RENDERERS[step.name];
  if (!renderer || (LOOKUPS.has(step.name) && !hasData(currentData(step)))) {
    return show(`wait:${view.currentStep}`, () => renderWaiting(t("wait.details")));
  }
  if (view.current && view.current.transaction) lastTransaction = view.current.transaction;
  const recovery = view.current && view.current.recovery ? `:try${view.current.recovery.attempt}` : "";
  show(`step:${view.currentStep}${recovery}`, () => renderer(step));
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

function stepName(s) { return has(`step.${s.name}`) ? t(`step.${s.name}`) : s.displayName || s.name; }

function renderProgress() {
  const steps = (view.steps || []).map((s, i) => ({ ...s, index: i })).filter((s) => s.name !== "notification");
  $("progress-wrap").hidden = steps.length === 0;
  const position = steps.findIndex((s) => s.index === view.currentStep);
  const done = steps.filter((s) => s.status === "COMPLETED").length;
  $("progress-label").textContent = view.status === "ACTIVE" && position >= 0
    ? t("progress.step", { n: position + 1, count: steps.length, name: stepName(steps[position]) })
    : t("progress.done", { done, count: steps.length });
  // Once the workflow has ended, a step still marked ACTIVE was never finished: show it as not done, not as current.
  const shown = (s) => (view.status !== "ACTIVE" && s.status === "ACTIVE" ? "CREATED" : s.status);
  $("progress").replaceChildren(...steps.map((s) =>
    h("li", { "data-status": shown(s), "aria-current": s.index === view.currentStep && view.status === "ACTIVE" ? "step" : false },
      h("span", { class: "step-name", text: stepName(s) }),
      h("span", { class: "visually-hidden", text: `, ${words("stepStatus", shown(s))}` }))));
}

function needsPasscode() { return view.passcodeRequired && !view.passcodeVerified; }
function currentStep() { return (view.steps || [])[view.currentStep]; }
function currentData(step) { return (view.current && view.current.data) || step.data || {}; }
function hasData(d) { return d && Object.keys(d).length > 0; }

function panel(...children) { $("panel").replaceChildren(...children); }

// Moves focus to the new content's heading when the page changes under the customer (not on the first render, so
// that a screen reader starts at the top with the business and the request).
function focusPanelHeading() {
  const target = $("panel").querySelector("h1, h2");
  if (!target || !hasRendered) return;
  target.setAttribute("tabindex", "-1");
  target.focus({ preventScroll: false });
}

function renderState(kind, icon, title, text, details, headingLevel = 2) {
  stopPolling();
  $("decline-row").hidden = true;
  panel(h("div", { class: "state" },
    h("div", { class: `icon ${kind}`, "aria-hidden": "true" }, svgIcon(icon)),
    h(`h${headingLevel}`, { text: title }),
    ...[text].flat().filter(Boolean).map((p) => h("p", { text: p })),
    details || null));
}

function renderFinal(status) {
  const [kind, icon] = FINAL[status];
  const d = moneyData();
  if (status === "FAILED") {
    const reason = view.failureCode ? failureReason(view.failureCode) : null;
    return renderState(kind, icon, t("state.FAILED.title"), [reason, t("state.FAILED.text")]);
  }
  const pending = status === "COMPLETED" && d && d.status === "PENDING";
  const key = pending ? "COMPLETED_PENDING" : status;
  renderState(kind, icon, t(`state.${key}.title`), [t(`state.${key}.text`), status === "COMPLETED" ? nextText(d) : null], finalDetails());
}

function moneyData() { return ((view.steps || []).find((s) => s.name === "move-money") || {}).data || null; }

// What happens next after a money movement: instant when settled; else by the movement's priority (ACH: 1–3 days).
function nextText(d) {
  if (!d || !d.status) return null;
  if (d.status === "SETTLED") return t("next.settled");
  const priority = d.priority || (lastTransaction && lastTransaction.priority);
  const start = d.startDateTime || (lastTransaction && lastTransaction.startDateTime);
  if (priority === "SCHEDULED") return start ? t("next.SCHEDULED", { date: formatDay(start) }) : t("next.pending");
  return has(`next.${priority}`) ? t(`next.${priority}`) : t("next.pending");
}

function renderError(icon, kind, retry) {
  view = null;
  shownKey = "error";
  stopRefresh();
  // No request to introduce: the state's heading becomes the page's only heading.
  $("title").closest("section").hidden = true;
  $("business-name").textContent = "LinX";
  $("business-initial").textContent = "L";
  const title = t(`state.${kind}.title`);
  document.title = `${title} · LinX`;
  const again = retry ? h("p", {}, h("button", { type: "button", class: "secondary", text: t("state.tryAgain"), onclick: () => location.reload() })) : null;
  renderState("bad", icon, title, t(`state.${kind}.text`), again, 1);
  focusPanelHeading();
}

function renderWaiting(text) {
  panel(h("div", { class: "state", role: "status" }, h("span", { class: "spinner", "aria-hidden": "true" }), h("h2", { text }), h("p", { text: t("wait.seconds") })));
  startPolling();
}

// What was done, on the final page: the transaction, the account (masked) and the customer's own name in full.
function finalDetails() {
  if (view.status !== "COMPLETED") return null;
  const items = {};
  for (const s of view.steps || []) {
    const d = s.data || {};
    if (s.name === "move-money" && d.amount) {
      items[t("summary.amount")] = money(d.amount, d.currency);
      if (d.status) items[t("summary.payment")] = words("paymentStatus", d.status);
    }
  }
  if (seen.account) items[t("summary.account")] = seen.account;
  if (seen.name) items[t("summary.name")] = seen.name;
  return Object.keys(items).length ? definitionList(items) : null;
}

// Keeps the name and account the current view shows (see `seen`).
function remember() {
  for (const s of (view && view.steps) || []) {
    const d = s.data || {};
    if ((s.name === "financial-account" || s.name === "lookup-financial-account") && d.last4) seen.account = accountText(d);
    if ((s.name === "customer-account" || s.name === "lookup-profile") && (d.firstName || d.lastName)) seen.name = [d.firstName, d.lastName].filter(Boolean).join(" ");
  }
}

const LOOKUPS = new Set(["lookup-profile", "lookup-financial-account"]);
const RENDERERS = {
  "customer-account": renderCustomerAccount,
  "lookup-profile": renderLookupProfile,
  "enhance-profile": renderEnhanceProfile,
  "financial-account": renderFinancialAccount,
  "lookup-financial-account": renderLookupAccount,
  "document-acceptance": renderDocumentAcceptance,
  "move-money": renderMoveMoney,
};

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
  const retried = view && view.current && view.current.recovery;
  const nowRecovery = data.current && data.current.recovery;
  const applied = submittedStep === null || data.currentStep !== submittedStep || step.status !== "ACTIVE"
    || (nowRecovery && (!retried || nowRecovery.attempt !== retried.attempt));
  const ready = step.status === "ACTIVE" && (!LOOKUPS.has(step.name) || hasData((data.current && data.current.data) || step.data));
  const gaveUp = Date.now() - pollStartedAt > POLL_GIVE_UP_MS;
  if (data.status !== "ACTIVE" || (applied && ready) || gaveUp) {
    submittedStep = null;
    stopPolling();
    await accept(data);
    render();
  } else {
    view = data;
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
  if (data.status !== view.status || data.currentStep !== view.currentStep || data.locked !== view.locked) { await accept(data); render(); }
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
    if (!reason) return showErrors(f, localProblem([["$.reason", "INVALID_VALUE"]]));
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
      renderWaiting(t("wait.declining"));
      focusPanelHeading();
      return;
    }
    if (status === 409 || status === 404 || status === 403) { dialog.close(); shownKey = null; return load(); }
    showErrors(f, data || OFFLINE);
  });
}

setupDecline();
load();
