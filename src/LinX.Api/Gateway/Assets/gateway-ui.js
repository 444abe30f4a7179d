// LinX Gateway (one of the page's scripts, run in order by gateway.html): building blocks. Elements are made with h() and filled with text, never HTML; fields
// carry their JSON path (data-path) so the server's problem details land next to the right control.
"use strict";

const $ = (id) => document.getElementById(id);

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

function fieldId(path) { return "f-" + path.replace(/[^a-z0-9]/gi, "-").replace(/^-+/, ""); }
const byPath = (root, path) => root.querySelector(`[data-path="${CSS.escape(path)}"]`);
const slotOf = (root, path) => root.querySelector(`[data-error-for="${CSS.escape(path)}"]`);

// A labelled input or select with its hint and error slot; label and hint are resource keys.
function field(labelKey, path, attrs = {}, hintKey) {
  const id = fieldId(path);
  const errId = id + "-err";
  const hintId = hintKey ? id + "-hint" : null;
  const { options, optional, badge, ...inputAttrs } = attrs;
  const describedBy = [hintId, errId].filter(Boolean).join(" ");
  const control = options
    ? h("select", { id, name: path, "data-path": path, "aria-describedby": describedBy, required: !optional, ...inputAttrs },
        ...options.map(([v, text]) => h("option", { value: v, text })))
    : h("input", { id, name: path, "data-path": path, "aria-describedby": describedBy, required: !optional, ...inputAttrs });
  return h("div", { class: "field" },
    h("label", { for: id }, t(labelKey), optional ? h("span", { class: "optional", text: ` ${t("form.optional")}` }) : null),
    badge ? h("div", { class: "input-with-badge" }, control, h("span", { class: "badge", id: id + "-badge", "aria-live": "polite" })) : control,
    hintKey ? h("p", { class: "hint", id: hintId, text: t(hintKey) }) : null,
    h("p", { class: "error", id: errId, "data-error-for": path }));
}

// A required checkbox (an authorisation): its label is the sentence the customer agrees to.
function checkbox(labelKey, path, params) {
  const id = fieldId(path);
  return h("div", { class: "field check" },
    h("label", { class: "choice", for: id },
      h("input", { type: "checkbox", id, name: path, "data-path": path, required: true, "aria-describedby": `${id}-err` }),
      h("span", { text: t(labelKey, params) })),
    h("p", { class: "error", id: `${id}-err`, "data-error-for": path }));
}

function clearErrors(root) {
  root.querySelectorAll("[data-error-for]").forEach((e) => (e.textContent = ""));
  root.querySelectorAll("[aria-invalid]").forEach((e) => e.removeAttribute("aria-invalid"));
  root.querySelectorAll(".banner").forEach((e) => e.remove());
}

function labelOf(root, path) {
  const input = byPath(root, path);
  const label = input && input.id ? root.querySelector(`label[for="${CSS.escape(input.id)}"]`) : null;
  return label ? label.firstChild.textContent.trim() : null;
}

// The server's messages are English and name JSON properties; the page shows its own words for the codes it knows
// (by code and path, then by code), with the field's label, and falls back to the server's message.
function friendly(root, err, problem) {
  const field = labelOf(root, err.path);
  const told = /(\d+)/.exec(err.message || "");
  const left = problem && Number.isInteger(problem.attemptsLeft) ? problem.attemptsLeft
    : Number.isInteger(err.attemptsLeft) ? err.attemptsLeft : told ? Number(told[1]) : null;
  if (err.errorCode === "PASSCODE_WRONG" && left !== null) return t("errors.PASSCODE_WRONG", { count: left });
  for (const key of [`errors.${err.errorCode}@${err.path}`, `errors.${err.errorCode}`]) {
    if (err.errorCode && has(key)) return t(key, { field: field || t("form.thisField") });
  }
  const message = err.message || t("errors.generic");
  return field ? message.replace(/'[A-Za-z0-9.]+'/, field) : message;
}

function showErrors(root, problem) {
  clearErrors(root);
  const errors = (problem && problem.errors) || [];
  const unmatched = [];
  let first = null;
  for (const err of errors) {
    const slot = slotOf(root, err.path);
    const message = friendly(root, err, problem);
    if (!slot) { unmatched.push(message); continue; }
    slot.textContent = slot.textContent ? `${slot.textContent} ${message}` : message;
    const input = byPath(root, err.path);
    if (input) input.setAttribute("aria-invalid", "true");
    first = first || input || slot;
  }
  const matched = errors.length - unmatched.length;
  let banner = null;
  if (unmatched.length || errors.length === 0 || matched > 1) {
    const text = unmatched.length ? unmatched.join(" ")
      : matched > 1 ? t("errors.summary", { count: matched })
      : problem && problem.offline ? t("page.offline")
      : (problem && problem.errorCode && has(`errors.${problem.errorCode}`) ? t(`errors.${problem.errorCode}`) : null)
        || (problem && problem.detail) || t("errors.generic");
    banner = h("p", { class: "banner", role: "alert", tabindex: "-1", text });
    const anchor = root.querySelector(".lead") || root.querySelector("h2");
    if (anchor) anchor.after(banner); else root.prepend(banner);
  }
  const target = first || banner;
  if (target) target.focus();
}

// A problem made on the page itself, shaped as the server's (for checks the page makes before posting).
function localProblem(errors) { return { errors: errors.map(([path, errorCode]) => ({ path, errorCode })) }; }
const OFFLINE = { offline: true, errors: [] }; // no answer at all: the connection, not the input

function definitionList(items) {
  return h("dl", { class: "summary" }, ...Object.entries(items)
    .filter(([, v]) => v !== undefined && v !== null && v !== "")
    .flatMap(([k, v]) => [h("dt", { text: k }), h("dd", { text: String(v) })]));
}

// Checks a field as the customer types; the server still decides on submit.
function liveCheck(f, path, check) {
  const input = byPath(f, path);
  const slot = slotOf(f, path);
  input.addEventListener("input", () => {
    const message = check(input);
    slot.textContent = message || "";
    if (message) input.setAttribute("aria-invalid", "true"); else input.removeAttribute("aria-invalid");
  });
}

function value(f, path) { return byPath(f, path)?.value.trim() ?? ""; }
function digitsOf(f, path) { return value(f, path).replace(/\D/g, ""); }
function checked(f, path) { return Boolean(byPath(f, path)?.checked); }
