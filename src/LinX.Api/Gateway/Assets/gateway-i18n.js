// LinX Gateway (one of the page's scripts, run in order by gateway.html): the page's words and formats. Every string the customer sees is in strings.{locale}.json
// (served next to this file); this script only picks the locale, loads the file and formats with Intl.
"use strict";

const LOCALES = ["en", "fr-CA"];
let strings = {};
let locale = "en";
let timeZone; // the business's IANA time zone when the server sends one; the browser's otherwise

// The request's locale when it names one; else the browser's languages (any French → fr-CA); else the business's
// default locale; else English.
function chooseLocale(requested, businessDefault) {
  if (LOCALES.includes(requested)) return requested;
  for (const lang of navigator.languages || [navigator.language || ""]) {
    const l = String(lang).toLowerCase();
    if (l.startsWith("fr")) return "fr-CA";
    if (l.startsWith("en")) return "en";
  }
  return LOCALES.includes(businessDefault) ? businessDefault : "en";
}

const loaded = {};
async function loadStrings(wanted, businessDefault) {
  const chosen = chooseLocale(wanted, businessDefault);
  if (!loaded[chosen]) {
    loaded[chosen] = fetch(`/linx/assets/strings.${chosen}.json`, { credentials: "same-origin" })
      .then((res) => (res.ok ? res.json() : {}))
      .catch(() => ({}));
  }
  const table = await loaded[chosen];
  if (chosen === locale && table === strings) return false;
  strings = table;
  locale = chosen;
  document.documentElement.lang = chosen;
  fillStatic();
  return true;
}

// t("key", { name: "x" }): the string with {name} replaced; a key with ".one"/".other" forms is chosen by {count}.
function t(key, params = {}) {
  let text = strings[key];
  if (text === undefined && "count" in params) {
    const form = new Intl.PluralRules(locale).select(Number(params.count));
    text = strings[`${key}.${form}`] ?? strings[`${key}.other`];
  }
  if (text === undefined) return "";
  return text.replace(/\{(\w+)\}/g, (m, name) => (name in params ? String(params[name]) : m));
}

function has(key) { return Object.prototype.hasOwnProperty.call(strings, key); }

// The HTML's own text: data-i18n (text), data-i18n-aria-label, data-i18n-placeholder.
function fillStatic() {
  document.querySelectorAll("[data-i18n]").forEach((el) => { el.textContent = t(el.dataset.i18n); });
  document.querySelectorAll("[data-i18n-aria-label]").forEach((el) => el.setAttribute("aria-label", t(el.dataset.i18nAriaLabel)));
}

function money(amount, currency) {
  try { return new Intl.NumberFormat(locale, { style: "currency", currency: currency || "USD" }).format(Number(amount)); }
  catch { return `${amount} ${currency || ""}`.trim(); }
}

// A date and time in the locale; in the business's time zone (named, e.g. "HNE") when it sends one.
function formatDate(iso) {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return "";
  const options = { year: "numeric", month: "short", day: "numeric", hour: "numeric", minute: "2-digit" };
  try { return d.toLocaleString(locale, timeZone ? { ...options, timeZone, timeZoneName: "short" } : options); }
  catch { return d.toLocaleString(locale, options); }
}

// The calendar day of a date and time as the business wrote it (its own offset), in the locale: "December 24, 2026".
// Not converted to the reader's zone: a payment the business schedules for the 24th moves on the 24th.
function formatDay(iso) {
  const m = /^(\d{4})-(\d{2})-(\d{2})T/.exec(iso || "");
  if (!m) return "";
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toLocaleDateString(locale, { year: "numeric", month: "long", day: "numeric", timeZone: "UTC" });
}

function formatExpiry(yyyyMm) {
  const m = /^(\d{4})-(\d{2})$/.exec(yyyyMm || "");
  return m ? `${m[2]}/${m[1]}` : yyyyMm;
}

// A code as words: the resource's entry for prefix.CODE, or the code itself made readable.
function words(prefix, code) {
  if (!code) return "";
  return has(`${prefix}.${code}`) ? t(`${prefix}.${code}`) : humanize(String(code).toLowerCase());
}

function humanize(id) {
  if (!id) return id;
  const text = String(id).replace(/[-_]/g, " ");
  return text.charAt(0).toUpperCase() + text.slice(1);
}
