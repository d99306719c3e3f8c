// dom.js: building DOM without innerHTML. Text from the API only ever becomes text nodes;
// the one exception, search snippets, goes through snippet(), which turns the API's
// <mark>…</mark> into <mark> elements and everything else into text.

/** h('a', {href, class, onclick}, child, …): an element; strings become text nodes. */
export function h(tag, props, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(props || {})) {
    if (value == null || value === false) continue;
    if (key === 'class') el.className = value;
    else if (key === 'text') el.textContent = value;
    else if (key === 'dataset') Object.assign(el.dataset, value);
    else if (key.startsWith('on') && typeof value === 'function') el.addEventListener(key.slice(2), value);
    else el.setAttribute(key, value === true ? '' : String(value));
  }
  append(el, children);
  return el;
}

export function append(el, children) {
  for (const child of children.flat(Infinity)) {
    if (child == null || child === false) continue;
    el.append(child instanceof Node ? child : String(child));
  }
  return el;
}

/** Replace the children of el (by id or element) with the given nodes. */
export function replace(target, ...children) {
  const el = typeof target === 'string' ? document.getElementById(target) : target;
  el.replaceChildren();
  return append(el, children);
}

const ENTITIES = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" };

/**
 * A search snippet as nodes: the API sends HTML whose text is escaped (the five
 * character references below) with matches wrapped in <mark>…</mark>. Still no
 * innerHTML: only those two exact tags are honoured, the references are decoded, and
 * every other character, '<' included, stays text.
 */
export function snippet(text) {
  const frag = document.createDocumentFragment();
  let mark = null;
  for (const part of String(text ?? '').split(/(<mark>|<\/mark>)/)) {
    if (part === '<mark>') {
      if (mark === null) frag.append((mark = document.createElement('mark')));
    } else if (part === '</mark>') {
      mark = null;
    } else if (part !== '') {
      (mark ?? frag).append(part.replace(/&(?:amp|lt|gt|quot|#39);/g, (e) => ENTITIES[e]));
    }
  }
  return frag;
}

export function visuallyHidden(text) {
  return h('span', { class: 'visually-hidden' }, text);
}
