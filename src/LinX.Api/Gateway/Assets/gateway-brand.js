// LinX Gateway: the business's brand (view.brand): name, logo or initial, accent colour, contact and policy links, time
// zone. Read defensively: an older server sends only businessName. Colours are set with style.setProperty (CSP-safe).
"use strict";

function applyBrand() {
  const b = (view && view.brand) || {};
  const name = businessName();
  $("business-name").textContent = name;
  showLogo(b.logoUrl, name);
  setAccent(b.accentColor);
  setLinks(b);
  try { timeZone = b.timeZone ? new Intl.DateTimeFormat("en", { timeZone: b.timeZone }).resolvedOptions().timeZone : undefined; }
  catch { timeZone = undefined; }
}

// The logo is served by LinX itself (the CSP allows images from 'self' only): a same-origin path or URL.
function showLogo(url, name) {
  const initial = $("business-initial");
  const logo = $("business-logo");
  let src = null;
  try { src = url && new URL(url, location.origin).origin === location.origin ? new URL(url, location.origin).pathname : null; }
  catch { src = null; }
  if (src) {
    logo.src = src;
    logo.alt = name;
    logo.hidden = false;
    initial.hidden = true;
  } else {
    logo.hidden = true;
    initial.hidden = false;
    initial.textContent = name.trim().charAt(0).toUpperCase() || "·";
  }
}

function rgb(hex) { return [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)); }
function luminance([r, g, b]) {
  const lin = (c) => { const s = c / 255; return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4; };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}
function contrast(a, b) { const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p); return (x + 0.05) / (y + 0.05); }
function mix(c, to, amount) { return `rgb(${c.map((v, i) => Math.round(v + (to[i] - v) * amount)).join(" ")})`; }

// The business's accent, kept readable: white text on it when that has AA contrast, the page's ink otherwise; text in
// the accent colour on white is darkened until it has AA contrast.
function setAccent(color) {
  if (!/^#[0-9a-f]{6}$/i.test(color || "")) return;
  const c = rgb(color);
  const white = [255, 255, 255];
  const black = [0, 0, 0];
  const style = document.documentElement.style;
  const lightText = contrast(c, white) >= 4.5;
  let amount = 0;
  while (contrast(c.map((v) => Math.round(v * (1 - amount))), white) < 4.5 && amount < 1) amount += 0.05;
  style.setProperty("--accent", color);
  style.setProperty("--accent-ink", lightText ? "#fff" : "#0f1b33");
  style.setProperty("--accent-dark", lightText ? mix(c, black, 0.3) : color);
  style.setProperty("--accent-text", mix(c, black, Math.max(amount, 0.3)));
  style.setProperty("--accent-soft", mix(c, white, 0.9));
}

function https(url) {
  try { return new URL(url).protocol === "https:" ? url : null; } catch { return null; }
}

// Support e-mail and phone, website, terms and privacy: only https pages open, each in a new tab without a referrer.
function setLinks(b) {
  const links = [
    ["footer.email", b.supportEmail && /^[^\s@<>]+@[^\s@<>]+$/.test(b.supportEmail) ? `mailto:${b.supportEmail}` : null, b.supportEmail],
    ["footer.phone", b.supportPhone && /^\+?[0-9 ().-]{7,20}$/.test(b.supportPhone) ? `tel:${b.supportPhone.replace(/[^0-9+]/g, "")}` : null, b.supportPhone],
    ["footer.website", https(b.websiteUrl)],
    ["footer.terms", https(b.termsUrl)],
    ["footer.privacy", https(b.privacyUrl)],
  ].filter(([, href]) => href);
  const list = $("brand-links");
  list.replaceChildren(...links.map(([key, href, shown]) => h("li", {},
    h("a", { href, ...(href.startsWith("https:") ? { target: "_blank", rel: "noopener noreferrer" } : {}) },
      shown ? t(key, { value: shown }) : t(key)))));
  $("brand-contact").hidden = links.length === 0;
}
