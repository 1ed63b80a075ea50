// graf's search page. Every string from the archive or the query reaches the
// page as a text node (textContent / createTextNode), never as HTML.
'use strict';

const PAGE = 10;
const $ = (id) => document.getElementById(id);
const utf8 = new TextEncoder();
const fromUtf8 = new TextDecoder();

// An element with text content and attributes; children appended in order.
function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (k === 'class') node.className = v;
    else if (k === 'text') node.textContent = v;
    else node.setAttribute(k, v);
  }
  for (const c of children) node.append(c);
  return node;
}

// Text with <mark>s: highlights are [byte offset, byte length] into the
// UTF-8 text (as the API gives them), not JavaScript string indexes.
function marked(text, highlights) {
  const bytes = utf8.encode(text);
  const out = document.createDocumentFragment();
  let at = 0;
  for (const [begin, length] of highlights || []) {
    if (begin < at || begin + length > bytes.length) continue;
    out.append(document.createTextNode(fromUtf8.decode(bytes.subarray(at, begin))));
    out.append(el('mark', {text: fromUtf8.decode(bytes.subarray(begin, begin + length))}));
    at = begin + length;
  }
  out.append(document.createTextNode(fromUtf8.decode(bytes.subarray(at))));
  return out;
}

// A closing quote mark right at byte `at` ("”", "\"", "»", "’"), or 0 bytes.
function closingMark(bytes, at) {
  if (bytes[at] === 0x22 || bytes[at] === 0x27) return 1;
  if (bytes[at] === 0xc2 && bytes[at + 1] === 0xbb) return 2;
  if (bytes[at] === 0xe2 && bytes[at + 1] === 0x80 && (bytes[at + 2] === 0x9d || bytes[at + 2] === 0x99)) return 3;
  return 0;
}

// A paragraph with its quotations marked (graf quotes' finder): each in a
// span.quote, its speaker after its closing mark (span.speaker; none when
// the text does not say who, nor after a piece that runs on into the next
// paragraph), the highlights inside. Quotes and highlights are byte offsets
// into the UTF-8 text; everything goes in as text nodes.
function quoted(text, highlights, quotes) {
  const bytes = utf8.encode(text);
  const out = document.createDocumentFragment();
  const stretch = (from, to) => marked(fromUtf8.decode(bytes.subarray(from, to)),
      (highlights || []).filter(([b, l]) => b >= from && b + l <= to).map(([b, l]) => [b - from, l]));
  let at = 0;
  for (const q of quotes || []) {
    if (q.begin < at || q.end < q.begin || q.end > bytes.length) continue;
    out.append(stretch(at, q.begin));
    const who = q.speaker ? q.speaker_display + ' (' + q.pattern + ')' : 'unattributed';
    out.append(el('span', {class: 'quote' + (q.speaker ? '' : ' unattributed'), title: who,
                           'data-speaker': q.speaker || ''}, stretch(q.begin, q.end)));
    at = q.end;
    if (q.speaker && !q.open) {
      const mark = closingMark(bytes, at);
      out.append(stretch(at, at + mark));
      at += mark;
      out.append(el('span', {class: 'speaker', text: q.speaker_display}));
    }
  }
  out.append(stretch(at, bytes.length));
  return out;
}

// The state lives in the URL: /?q=…&name=…&since=…&until=…&source=…&sort=…&expand=1&offset=…
// and &article=ID&p=N while an article is open.
const KEYS = ['q', 'name', 'since', 'until', 'source', 'sort', 'expand', 'offset', 'article', 'p'];
function readState() {
  const u = new URLSearchParams(location.search);
  const s = {};
  for (const k of KEYS) if (u.get(k)) s[k] = u.get(k);
  return s;
}
function go(state, replace) {
  const u = new URLSearchParams();
  for (const k of KEYS) if (state[k]) u.set(k, state[k]);
  const url = u.toString() ? '/?' + u.toString() : '/';
  if (replace) history.replaceState(null, '', url);
  else history.pushState(null, '', url);
  render();
}

async function api(path, params) {
  const u = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') u.set(k, v);
  const res = await fetch(path + (u.toString() ? '?' + u.toString() : ''));
  const body = await res.json();
  if (!res.ok) throw new Error(body.error || ('HTTP ' + res.status));
  return body;
}

function filtersOf(s) {
  return {q: s.q, name: s.name, since: s.since, until: s.until, source: s.source};
}

function showError(message) {
  $('error').hidden = !message;
  $('error').textContent = message || '';
}

function fillForm(s) {
  const byName = !!s.name && !s.q;
  $('mode').value = byName ? 'name' : 'q';
  $('q').value = byName ? s.name : (s.q || '');
  $('since').value = s.since || '';
  $('until').value = s.until || '';
  $('source').value = s.source || '';
  $('sort').value = s.sort || 'relevance';
  $('expand').checked = s.expand === '1';
}

function formState() {
  const text = $('q').value.trim();
  const s = {since: $('since').value.trim(), until: $('until').value.trim(),
             source: $('source').value, sort: $('sort').value === 'relevance' ? '' : $('sort').value,
             expand: $('expand').checked ? '1' : ''};
  if ($('mode').value === 'name') s.name = text;
  else s.q = text;
  return s;
}

function hitItem(h, s, paragraphs) {
  const title = h.title || h.article;
  const open = el('a', {class: 'title', href: articleUrl(s, h.id || h.article, h.paragraph)}, title);
  open.addEventListener('click', (e) => {
    e.preventDefault();
    go(Object.assign({}, s, {article: h.id || h.article, p: String(h.paragraph)}));
  });
  const meta = [];
  if (h.date) meta.push(h.date);
  if (h.source) meta.push(h.source);
  meta.push('¶' + h.paragraph);
  const more = h.matching_paragraphs - 1;
  if (!paragraphs && more > 0)
    meta.push(more + ' more paragraph' + (more > 1 ? 's' : '') + ' in this article');
  // Identical articles under other ids are shown once (text from el() is escaped).
  if (h.duplicates && h.duplicates.length) meta.push('also: ' + h.duplicates.join(', '));
  return el('li', {class: 'hit'}, open, el('p', {class: 'meta', text: meta.join(' · ')}),
            el('p', {class: 'snippet'}, marked(h.snippet, h.highlights)));
}

function articleUrl(s, article, p) {
  const u = new URLSearchParams();
  for (const k of KEYS) if (s[k] && k !== 'article' && k !== 'p') u.set(k, s[k]);
  u.set('article', article);
  u.set('p', p);
  return '/?' + u.toString();
}

// `counted`: the timeline's exact number of matching articles, which
// replaces the search's estimate when the search did not count them all.
function renderHits(r, s, counted) {
  // The timeline counts what the query's own words find; widened, the
  // search finds more, and its own total stands.
  if (r.expanded) counted = undefined;
  const list = $('hits');
  list.replaceChildren(...r.hits.map((h) => hitItem(h, s, false)));
  const offset = Number(s.offset || 0);
  const exact = r.total_exact || counted !== undefined;
  const total = r.total_exact || counted === undefined ? r.total_estimate : counted;
  if (!r.hits.length) {
    $('status').textContent = 'No matching articles' + (r.suggestion ? '' : '.');
  } else {
    $('status').textContent = (exact ? '' : 'About ') + total + ' matching article' +
        (total === 1 ? '' : 's') + ' (' + r.took_ms.toFixed(1) + ' ms)';
  }
  if (r.expanded) $('status').append(' · widened with ' + r.expansion.join(', '));
  if (r.suggestion) {
    const link = el('a', {href: '/?' + new URLSearchParams({q: r.suggestion}).toString()},
                    r.suggestion);
    link.addEventListener('click', (e) => { e.preventDefault(); go({q: r.suggestion}); });
    $('status').append(' — did you mean ', link, '?');
  }
  $('pager').hidden = offset === 0 && total <= PAGE;
  $('prev').disabled = offset === 0;
  $('next').disabled = offset + r.hits.length >= total;
  $('page-info').textContent =
      r.hits.length ? (offset + 1) + '–' + (offset + r.hits.length) + ' of ' + total : '';
}

function renderTimeline(t, s) {
  const box = $('timeline');
  const periods = t.periods;
  box.hidden = periods.length === 0;
  if (!periods.length) return;
  const most = Math.max(1, ...periods.map((p) => p.articles));
  $('timeline-caption').textContent =
      t.articles + ' matching article' + (t.articles === 1 ? '' : 's') + ' per ' + t.by +
      (t.undated.articles ? ' (' + t.undated.articles + ' undated)' : '') +
      ' — click a bar to see that ' + t.by;
  // A label under every bar, or under every k-th when they would crowd.
  const every = Math.ceil(periods.length / 8);
  $('bars').replaceChildren(...periods.map((p, i) => {
    const label = p.period + ': ' + p.articles + ' article' + (p.articles === 1 ? '' : 's') +
        ', ' + p.paragraphs + ' paragraph' + (p.paragraphs === 1 ? '' : 's');
    const bar = el('button', {type: 'button', class: 'bar', title: label, 'aria-label': label,
                              'data-period': p.period});
    const fill = el('span', {class: 'fill'});
    fill.style.height = (p.articles ? Math.max(4, 100 * p.articles / most) : 0) + '%';
    bar.append(el('span', {class: 'area'}, fill),
               el('span', {class: 'label', text: i % every === 0 ? p.period : ''}));
    if (s.since === p.since && s.until === p.until) bar.classList.add('chosen');
    bar.addEventListener('click', () => {
      go(Object.assign({}, s, {since: p.since, until: p.until, offset: ''}));
    });
    return bar;
  }));
}

function renderNames(f) {
  $('names-box').hidden = f.names.length === 0;
  $('names-box').parentElement.classList.toggle('single', f.names.length === 0);
  $('names').replaceChildren(...f.names.map((n) => {
    const a = el('a', {href: '/?' + new URLSearchParams({name: n.name}).toString()}, n.name);
    a.addEventListener('click', (e) => { e.preventDefault(); go({name: n.name}); });
    return el('li', {}, a, el('span', {class: 'count', text: String(n.paragraphs)}));
  }));
}

async function showResults(s) {
  $('results-view').hidden = false;
  $('article-view').hidden = true;
  $('welcome').hidden = true;
  const filters = filtersOf(s);
  // The chart and the names are extras: if they fail, the hits still show,
  // with a note saying what is missing and why.
  const extra = (promise, what) => promise.catch((e) => ({failed: what + ': ' + e.message}));
  const [r, t, f] = await Promise.all([
    api('/api/search',
        Object.assign({sort: s.sort, expand: s.expand, offset: s.offset, limit: PAGE}, filters)),
    extra(api('/api/timeline', Object.assign({by: s.by || chooseGranularity(s)}, filters)),
          'no timeline'),
    extra(api('/api/facets', filters), 'no names'),
  ]);
  renderHits(r, s, t.failed ? undefined : t.articles);
  renderTimeline(t.failed ? {periods: []} : t, s);
  renderNames(f.failed ? {names: []} : f);
  showError([t.failed, f.failed].filter(Boolean).join(' · '));
}

// Months unless the filters pin a short range, then days or weeks.
function chooseGranularity(s) {
  if (!s.since || !s.until) return 'month';
  const days = (Date.parse(s.until) - Date.parse(s.since)) / 864e5;
  if (!(days >= 0)) return 'month';
  return days <= 62 ? 'day' : days <= 400 ? 'week' : 'month';
}

async function showArticle(s) {
  $('results-view').hidden = true;
  $('welcome').hidden = true;
  $('status').textContent = '';
  const a = await api('/api/article/' + encodeURIComponent(s.article).replace(/%2F/g, '/'),
                      {p: s.p, q: s.q, name: s.name});
  $('article-view').hidden = false;
  $('article-title').textContent = a.title || a.article;
  const meta = $('article-meta');
  meta.replaceChildren();
  const parts = [a.article, a.date, a.source].filter(Boolean).join(' · ');
  meta.append(parts);
  // Only web links become links: a corpus url could say javascript:.
  if (/^https?:\/\//i.test(a.url)) {
    meta.append(' · ', el('a', {href: a.url, rel: 'noopener noreferrer', target: '_blank'},
                          'original'));
  }
  let target = null;
  $('article-body').replaceChildren(...a.paragraphs.map((p) => {
    const node = el('p', {class: 'para' + (p.chosen ? ' marked' : ''), id: 'p' + p.paragraph},
                    el('span', {class: 'num', text: '¶' + p.paragraph}),
                    quoted(p.text, p.highlights, p.quotes));
    if (p.chosen) target = node;
    return node;
  }));
  if (target) target.scrollIntoView({block: 'center'});
  else window.scrollTo(0, 0);
}

async function showWelcome() {
  $('results-view').hidden = true;
  $('article-view').hidden = true;
  $('welcome').hidden = false;
  $('status').textContent = '';
}

let stats = null;
async function loadStats() {
  try {
    stats = await api('/api/stats', {});
  } catch (e) {
    showError(e.message);
    return;
  }
  const source = $('source');
  for (const src of stats.sources) source.append(el('option', {value: src.source}, src.source));
  const dates = stats.first_date ? ', ' + stats.first_date + ' to ' + stats.last_date : '';
  $('welcome-stats').textContent = stats.articles + ' articles, ' + stats.paragraphs +
      ' paragraphs' + dates + '. Type a word, a "phrase" or a name.';
}

async function render() {
  const s = readState();
  fillForm(s);
  showError('');
  try {
    if (s.article) await showArticle(s);
    else if (s.q || s.name) await showResults(s);
    else await showWelcome();
  } catch (e) {
    showError(e.message);
    $('results-view').hidden = true;
  }
  document.body.dataset.ready = 'yes';  // for tests: this state is drawn
}

function init() {
  $('search').addEventListener('submit', (e) => {
    e.preventDefault();
    go(formState());
  });
  $('clear-filters').addEventListener('click', () => {
    const s = formState();
    go({q: s.q, name: s.name});
  });
  $('prev').addEventListener('click', () => {
    const s = readState();
    go(Object.assign(s, {offset: String(Math.max(0, Number(s.offset || 0) - PAGE))}));
  });
  $('next').addEventListener('click', () => {
    const s = readState();
    go(Object.assign(s, {offset: String(Number(s.offset || 0) + PAGE)}));
  });
  $('back').addEventListener('click', () => {
    const s = readState();
    delete s.article;
    delete s.p;
    go(s);
  });
  document.addEventListener('keydown', (e) => {
    const typing = /^(INPUT|SELECT|TEXTAREA)$/.test(document.activeElement.tagName);
    if (e.key === '/' && !typing && !e.ctrlKey && !e.metaKey && !e.altKey) {
      e.preventDefault();
      $('q').focus();
      $('q').select();
    }
  });
  window.addEventListener('popstate', render);
  loadStats().then(() => fillForm(readState()));
  render();
}

init();
