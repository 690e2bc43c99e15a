/* talkfeed archive search: no framework, no build step. */
(() => {
const MARKS = /[\u0300-\u036f\u1dc0-\u1dff]/g;
const PLAIN = {ø: 'o', æ: 'ae', œ: 'oe', ß: 'ss', ł: 'l', đ: 'd', ð: 'd', þ: 'th', ı: 'i', ħ: 'h', ŧ: 't', ς: 'σ'};
const SEP = /[\s\0-/:-@[-`{-¿×÷\u2000-\u2bff\u3000-\u303f\ud800-\udfff]/;
const WEIGHT = [0, 0, 1, 1, 1, 1, 2];
const AROUND = 70;

const fold = text => text.toLowerCase().normalize('NFD').replace(MARKS, '').replace(/[øæœßłđðþıħŧς]/g, c => PLAIN[c]);

const queryWords = query => [...new Set(fold(query).split(new RegExp(SEP.source + '+')).filter(w => w))];

// where word starts a word of folded (CJK: anywhere), else -1
const find = (folded, word, from) => {
  for (let i = folded.indexOf(word, from); i >= 0; i = folded.indexOf(word, i + 1)) {
    if (i === 0 || word.charCodeAt(0) >= 0x2e80 || SEP.test(folded[i - 1])) return i;
  }
  return -1;
};

const prepare = data => data.talks.map((row, order) => {
  const values = row.slice(3);
  return {slug: row[0], date: row[1], cancelled: row[2] === 1, values, folded: values.map(fold), order};
});

// title/speaker matches first, then upcoming (soonest first), then past (newest first)
const search = (talks, query, today, limit) => {
  const words = queryWords(query);
  const found = [];
  if (words.length) talks.forEach(talk => {
    const fields = new Set();
    let tier = 0;
    for (const word of words) {
      const best = Math.min(...talk.folded.map((text, f) => find(text, word, 0) < 0 ? 9 : (fields.add(f), WEIGHT[f])));
      if (best === 9) return;
      tier = Math.max(tier, best);
    }
    found.push({talk, fields: [...fields].sort(), tier, upcoming: talk.date >= today});
  });
  found.sort((a, b) => a.tier - b.tier || b.upcoming - a.upcoming
    || (a.upcoming ? 1 : -1) * ((a.talk.date > b.talk.date) - (a.talk.date < b.talk.date)) || a.talk.order - b.talk.order);
  return {words, total: found.length, results: found.slice(0, limit)};
};

// [piece, marked] pairs; text longer than width: a window around the first mark
const highlight = (text, words, width) => {
  let folded = '';
  const start = [];
  let i = 0;
  for (const ch of text) {
    for (const c of fold(ch)) {
      folded += c;
      start.push(i);
    }
    i += ch.length;
  }
  start.push(i);
  const on = new Uint8Array(text.length);
  for (const w of words) {
    for (let at = find(folded, w, 0); at >= 0; at = find(folded, w, at + 1)) on.fill(1, start[at], start[at + w.length]);
  }
  let from = 0;
  let to = text.length;
  if (width && to > width) {
    from = text.lastIndexOf(' ', Math.max(0, on.indexOf(1) - AROUND)) + 1;
    const space = text.indexOf(' ', from + width);
    if (space > 0) to = space;
  }
  const pieces = from ? [['…', false]] : [];
  for (let a = from, b; a < to; a = b) {
    for (b = a; b < to && on[b] === on[a];) b++;
    pieces.push([text.slice(a, b), on[a] === 1]);
  }
  if (to < text.length) pieces.push(['…', false]);
  return pieces;
};

if (typeof module !== 'undefined') {
  module.exports = {fold, queryWords, prepare, search, highlight};
  return;
}

const root = (document.currentScript || document.querySelector('script[data-root]')).dataset.root || '';
const input = document.getElementById('search');
const box = document.getElementById('search-results');
const main = document.querySelector('main');
if (!input || !box) return;
let talks;
let labels;
let loading;
let hidden = [];

const load = () => {
  loading = loading || fetch(root + 'search.json.gz')
    .then(r => r.ok ? r.arrayBuffer() : Promise.reject(r.status))
    .then(unzipped)
    .then(data => { labels = data.fields; talks = prepare(data); show(); },
      () => render(el('p', 'Search is unavailable.')));
};

// the index is stored gzipped; a server that sends it with Content-Encoding: gzip has unzipped it already
const unzipped = buffer => {
  const bytes = new Uint8Array(buffer);
  const zipped = bytes[0] === 0x1f && bytes[1] === 0x8b;
  return zipped ? new Response(new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'))).json()
    : JSON.parse(new TextDecoder().decode(bytes));
};

const el = (tag, text, cls) => {
  const node = document.createElement(tag);
  node.textContent = text || '';
  if (cls) node.className = cls;
  return node;
};

const marked = (parent, pieces) => {
  for (const [text, mark] of pieces) parent.append(mark ? el('mark', text) : text);
  return parent;
};

const render = node => {
  box.textContent = '';
  if (node) box.append(node);
  box.hidden = !node;
  for (const n of hidden) n.hidden = false;
  hidden = node && main ? [...main.children].filter(n => !n.contains(box) && !n.hidden) : [];
  for (const n of hidden) n.hidden = true;
};

const show = () => {
  const query = input.value;
  const url = new URL(location);
  url.search = query.trim() ? new URLSearchParams({q: query}) : '';
  history.replaceState(history.state, '', url.href);
  if (!queryWords(query).length) return render(null);
  if (!talks) return load();
  const today = new Date(Date.now() - new Date().getTimezoneOffset() * 6e4).toISOString().slice(0, 10);
  const found = search(talks, query, today, 50);
  const n = found.total;
  const all = document.createDocumentFragment();
  all.append(el('p', n ? `${n} talk${n === 1 ? ' matches' : 's match'}`
    + (n > found.results.length ? `, the first ${found.results.length} shown` : '') : 'No talks match', 'count'));
  const list = el('ol');
  for (const {talk, fields} of found.results) {
    const item = el('li', '', talk.cancelled ? 'result cancelled' : 'result');
    item.append(marked(Object.assign(el('a'), {href: `${root}talks/${encodeURIComponent(talk.slug)}.html`}), highlight(talk.values[0] || '(untitled)', found.words)));
    item.append(' ', el('span', talk.date + (talk.cancelled ? ', cancelled' : ''), 'when'));
    for (const f of fields) {
      if (f) item.append(' ', marked(el('span', labels[f] + ': ', 'why'), highlight(talk.values[f], found.words, 2 * AROUND)));
    }
    if (fields.length === 1 && !fields[0]) item.append(' ', el('span', 'in the title', 'why'));
    list.append(item);
  }
  if (n) all.append(list);
  render(all);
};

const asked = new URLSearchParams(location.search).get('q');
if (asked) {
  input.value = asked;
  load();
}
input.onfocus = load;
input.oninput = show;
if (input.form) input.form.onsubmit = e => { e.preventDefault(); show(); };
})();
