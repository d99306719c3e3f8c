// format.js: numbers, periods, dates and vocabulary as people read them.

const en = 'en';
const num2 = new Intl.NumberFormat(en, { maximumFractionDigits: 2 });
const int = new Intl.NumberFormat(en);
const compactFmt = new Intl.NumberFormat(en, { notation: 'compact', maximumFractionDigits: 1 });
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August',
  'September', 'October', 'November', 'December'];
const MON = MONTHS.map((m) => m.slice(0, 3));

/** 7200000000 USD -> "7.2 billion USD"; 750 tonnes -> "750 tonnes". */
export function amount(value, unit) {
  if (typeof value !== 'number' || !Number.isFinite(value)) return '–';
  const abs = Math.abs(value);
  let text;
  if (abs >= 1e9) text = `${num2.format(value / 1e9)} billion`;
  else if (abs >= 1e6) text = `${num2.format(value / 1e6)} million`;
  else text = int.format(value);
  if (!unit) return text;
  return unit === 'percent' ? `${text}%` : `${text} ${unit}`;
}

const QUALIFIER = {
  over: 'over ', nearly: 'nearly ', expected: 'expected ', exact: '',
  // the two ends of a range the source states ("between USD 2 billion and USD 2.5 billion")
  range_low: 'from ', range_high: 'up to ',
};

/** A figure's value with its qualifier: "over 293 million USD". */
export function figureValue(f) {
  return `${QUALIFIER[f.qualifier] ?? ''}${amount(f.value, f.unit)}`;
}

export function compact(value) {
  return compactFmt.format(value);
}

/** A reduced date: "2024", "June 2024", "30 October 2025"; short: "Jun 2024", "30 Oct 2025". */
export function reducedDate(d, short = false) {
  if (!d) return null;
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$/.exec(d);
  if (!m) return d;
  const [, y, mo, day] = m;
  const names = short ? MON : MONTHS;
  if (!mo) return y;
  if (!day) return `${names[Number(mo) - 1]} ${y}`;
  return `${Number(day)} ${names[Number(mo) - 1]} ${y}`;
}

/** A period: "2024", "Jan–Sep 2025", "Jun 2024 – Oct 2025"; null -> "no period stated". */
export function period(p) {
  if (!p) return 'no period stated';
  const [a, b] = p.split('/');
  if (!b) return reducedDate(a);
  const ya = a.slice(0, 4), yb = b.slice(0, 4);
  if (ya === yb && a.length === 7 && b.length === 7)
    return `${MON[Number(a.slice(5, 7)) - 1]}–${MON[Number(b.slice(5, 7)) - 1]} ${ya}`;
  return `${reducedDate(a, true)} – ${reducedDate(b, true)}`;
}

/** 'under_construction' -> 'Under construction'. */
export function label(token) {
  if (token == null) return '';
  const s = String(token).replace(/_/g, ' ');
  return s.charAt(0).toUpperCase() + s.slice(1);
}

const SPECIAL = { mou: 'MoU', in_use: 'In use' };
export function vocab(token) {
  return SPECIAL[token] ?? label(token);
}

let langNames = null;
/** 'pl' -> 'Polish (pl)'. */
export function language(code) {
  if (!code) return 'unknown language';
  try {
    langNames ??= new Intl.DisplayNames([en], { type: 'language' });
    const name = langNames.of(code);
    return name && name !== code ? `${name} (${code})` : code;
  } catch {
    return code;
  }
}

/** 24-hour clock time of a Date: "17:34:05". */
export function clock(date) {
  return date.toLocaleTimeString('en-GB', { hour12: false });
}

/** The middle of a figure's period as a fractional year (2024-01-01..2024-12-31 -> 2024.5). */
export function periodMidYear(f) {
  if (!f.period_start || !f.period_end) return null;
  const a = Date.parse(`${f.period_start}T00:00:00Z`);
  const b = Date.parse(`${f.period_end}T00:00:00Z`) + 86400000;
  if (!Number.isFinite(a) || !Number.isFinite(b)) return null;
  const mid = new Date((a + b) / 2);
  const y = mid.getUTCFullYear();
  const start = Date.UTC(y, 0, 1), end = Date.UTC(y + 1, 0, 1);
  return y + (mid.getTime() - start) / (end - start);
}
