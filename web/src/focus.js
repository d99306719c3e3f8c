// focus.js: the keyboard focus across re-renders. A part of the page rebuilt by a refresh
// replaces its nodes; the element that had the focus goes with them and the browser drops
// the focus to <body>. Every control a refresh may rebuild carries a data-focus-key that
// names what it shows (a project, a meeting, a figure), unique in the page; after the
// rebuild the focus moves to the new element with the same key, else to the control at
// the same place among its neighbours, else to the part itself. A focus that was not in
// the rebuilt part (the dialog, the search box, the toggle) is never touched.

const FOCUSABLE = 'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/** Props that give a control its key: h('button', { ...keyed('project:x') }). */
export function keyed(key) {
  return key == null ? {} : { 'data-focus-key': key };
}

/** The element with this key in the page, or null. */
export function byFocusKey(key) {
  return key ? document.querySelector(`[data-focus-key="${CSS.escape(key)}"]`) : null;
}

/**
 * Where el is: its key and, for each of its ancestors, its place among their controls,
 * so that focusAgain() can find it, or what took its place, after el was replaced.
 */
export function focusMark(el) {
  if (!el || el === document.body || el === document.documentElement) return null;
  const places = [];
  for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
    places.push({ scope: a, index: [...a.querySelectorAll(FOCUSABLE)].indexOf(el) });
  }
  return { el, key: el.dataset?.focusKey ?? null, places };
}

/**
 * Focus what mark points at: el while it is in the page, else the element with its key
 * inside the nearest ancestor still in the page, else the control at its place there,
 * else that ancestor. Returns the element focused, or null.
 */
export function focusAgain(mark) {
  if (!mark) return null;
  let target = mark.el.isConnected ? mark.el : null;
  if (!target) {
    const place = mark.places.find((p) => p.scope.isConnected);
    if (!place) return null;
    const { scope, index } = place;
    const withKey = byFocusKey(mark.key);
    target = withKey && scope.contains(withKey) ? withKey : null;
    if (!target && index >= 0) {
      const items = [...scope.querySelectorAll(FOCUSABLE)];
      target = items[Math.min(index, items.length - 1)] ?? null;
    }
    if (!target) {
      if (!scope.hasAttribute('tabindex')) scope.setAttribute('tabindex', '-1');
      target = scope;
    }
  }
  target.focus({ preventScroll: true });
  return document.activeElement === target ? target : null;
}

/** Whether the focus is nowhere (the browser's <body>), as it is after its element went. */
export function focusIsLost() {
  const a = document.activeElement;
  return !a || a === document.body || a === document.documentElement;
}

/**
 * Runs render(); if it removed the element that had the focus, the focus goes to its
 * replacement (focusAgain). Anything else focused is left alone.
 */
export function keepingFocus(render) {
  const mark = focusMark(document.activeElement);
  render();
  if (mark && !mark.el.isConnected && focusIsLost()) focusAgain(mark);
}
