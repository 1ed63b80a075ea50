// Drives graf serve's page in headless Debian chromium through playwright-core:
//   node browser_test.mjs BASE_URL SCREENSHOT_DIR
// The server must hold corpus/sample and tests/web/fixtures/harbour.jsonl.
// Exits non-zero with a message on the first check that fails.
import {chromium} from 'playwright-core';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const [base, shots] = process.argv.slice(2);
assert.ok(base && shots, 'usage: node browser_test.mjs BASE_URL SCREENSHOT_DIR');
fs.mkdirSync(shots, {recursive: true});

const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'graf-chromium-'));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: process.env.GRAF_CHROMIUM || '/usr/bin/chromium',
  headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
         '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  viewport: {width: 1280, height: 800},
});

// Anything the page logs as an error, a script error, a CSP violation or
// an alert() (an injected script ran) fails the test at the end.
const problems = [];
let expect400 = false;  // the browser logs each 400 it is answered
function watch(page) {
  page.on('console', (m) => {
    if (m.type() !== 'error' || (expect400 && /status of 400/.test(m.text()))) return;
    problems.push('console: ' + m.text());
  });
  page.on('pageerror', (e) => problems.push('page error: ' + e.message));
  page.on('dialog', async (d) => { problems.push('a dialog opened: ' + d.message()); await d.dismiss(); });
  page.on('request', (r) => {
    if (!r.url().startsWith(base)) problems.push('request to another origin: ' + r.url());
  });
}

async function ready(page) {
  await page.waitForFunction(() => document.body.dataset.ready === 'yes');
}
// Waits for the next render after an action that navigates in the page.
async function step(page, action) {
  await page.evaluate(() => { document.body.dataset.ready = 'no'; });
  await action();
  await ready(page);
}
const text = (page, sel) => page.locator(sel).allTextContents();

let checks = 0;
function check(cond, message) {
  assert.ok(cond, message);
  ++checks;
}

try {
  const page = context.pages()[0] || await context.newPage();
  watch(page);
  const first = await page.goto(base + '/');
  const csp = first.headers()['content-security-policy'] || '';
  check(csp.includes("script-src 'self'") && csp.includes("default-src 'none'"),
        'the page has a Content-Security-Policy without inline script: ' + csp);
  await ready(page);
  check(/19 articles, 60 paragraphs/.test(await page.textContent('#welcome-stats')),
        'the first screen says what the index holds');
  await page.screenshot({path: path.join(shots, 'laptop-welcome.png')});

  // `/` focuses the box; typing and Enter search; the URL holds the query.
  await page.keyboard.press('/');
  check(await page.evaluate(() => document.activeElement.id) === 'q', '/ focuses the search box');
  await page.keyboard.type('harbour');
  await step(page, () => page.keyboard.press('Enter'));
  check(new URL(page.url()).searchParams.get('q') === 'harbour', 'the URL holds q=harbour: ' + page.url());
  const marks = await text(page, '#hits mark');
  check(marks.length >= 10 && marks.every((m) => m.toLowerCase() === 'harbour'),
        'results are highlighted: ' + marks.slice(0, 5));
  check((await page.locator('#hits .hit').count()) === 10, 'ten results a page');
  const status = await page.textContent('#status');
  check(/^16 matching articles/.test(status), 'the total is shown: ' + status);
  const meta = await text(page, '#hits .meta');
  check(meta.every((m) => /¶\d/.test(m)) && meta.some((m) => /2 more paragraphs in this article/.test(m)),
        'each hit shows its paragraph and the other matching paragraphs: ' + meta[0]);
  await page.screenshot({path: path.join(shots, 'laptop-results.png'), fullPage: true});

  // Paging.
  await step(page, () => page.click('#next'));
  check(new URL(page.url()).searchParams.get('offset') === '10', 'next page: offset=10');
  check((await page.locator('#hits .hit').count()) === 6, 'the second page holds the other 6');
  await step(page, () => page.goBack());
  check((await page.locator('#hits .hit').count()) === 10, 'back returns to the first page');

  // The timeline: one bar per month from 2024-11 to 2025-03; a click filters to it.
  const periods = await page.locator('#bars .bar').evaluateAll((bs) => bs.map((b) => b.dataset.period));
  check(JSON.stringify(periods) === JSON.stringify(['2024-11', '2024-12', '2025-01', '2025-02', '2025-03']),
        'a bar per month: ' + periods);
  await step(page, () => page.click('#bars .bar[data-period="2025-02"]'));
  const u = new URL(page.url()).searchParams;
  check(u.get('since') === '2025-02-01' && u.get('until') === '2025-02-28', 'the bar filters to its month: ' + page.url());
  const dates = (await text(page, '#hits .meta')).map((m) => m.slice(0, 7));
  check(dates.length === 8 && dates.every((d) => d === '2025-02'), 'only February: ' + dates);
  check((await page.inputValue('#since')) === '2025-02-01', 'the filter shows in the form');

  // The source filter, from the index's sources.
  await page.selectOption('#source', 'island-post');
  await step(page, () => page.click('#search button[type=submit]'));
  check(new URL(page.url()).searchParams.get('source') === 'island-post', 'the URL holds the source');
  const sources = (await text(page, '#hits .meta')).map((m) => m.split(' · ')[1]);
  check(sources.length === 4 && sources.every((x) => x === 'island-post'),
        'only that source, still in February: ' + sources);
  await step(page, () => page.click('#clear-filters'));
  check(!new URL(page.url()).searchParams.has('source') && !new URL(page.url()).searchParams.has('since'),
        'clear filters keeps only the query: ' + page.url());

  // Oldest first, as `graf search --sort oldest`.
  await page.selectOption('#sort', 'oldest');
  await step(page, () => page.click('#search button[type=submit]'));
  check(new URL(page.url()).searchParams.get('sort') === 'oldest', 'the URL holds sort=oldest: ' + page.url());
  const order = (await text(page, '#hits .meta')).map((m) => m.slice(0, 10));
  check(order[0] === '2024-11-03' && order.every((d, i) => i === 0 || order[i - 1] <= d),
        'oldest first: ' + order);
  check((await page.inputValue('#sort')) === 'oldest', 'the form shows the sort');

  // Widen: the query and the words of its best hits, as `graf search --expand`.
  await page.selectOption('#sort', 'relevance');
  await page.check('#expand');
  await step(page, () => page.click('#search button[type=submit]'));
  check(new URL(page.url()).searchParams.get('expand') === '1', 'the URL holds expand=1: ' + page.url());
  const widened = await page.textContent('#status');
  check(/ · widened with \S/.test(widened), 'the status names the added words: ' + widened);
  check(await page.isChecked('#expand'), 'the form shows widen');
  await page.screenshot({path: path.join(shots, 'laptop-widened.png')});
  await page.uncheck('#expand');
  await step(page, () => page.click('#search button[type=submit]'));
  check(!/widened/.test(await page.textContent('#status')), 'unchecked: the query alone');

  // Top names: a click searches that name.
  const names = await text(page, '#names a');
  check(names.includes('Morag Fraser'), 'top names among the results: ' + names);
  await step(page, () => page.click('#names a:text-is("Morag Fraser")'));
  check(new URL(page.url()).searchParams.get('name') === 'Morag Fraser', 'a name click searches the name');
  check((await page.inputValue('#mode')) === 'name', 'the form is in name mode');
  check((await text(page, '#hits mark')).some((m) => m === 'Morag Fraser'), 'the name is highlighted');

  // A hit opens its article with the matched paragraph marked and in view.
  await step(page, () => page.goto(base + '/?q=%22new+pier%22'));
  await step(page, () => page.click('#hits .hit >> nth=0 >> a.title'));
  check(!(await page.isHidden('#article-view')), 'the article opens');
  check(new URL(page.url()).searchParams.get('p') === '2', 'the URL names the paragraph');
  const markedPara = page.locator('.para.marked');
  check((await markedPara.count()) === 1, 'one paragraph is marked');
  check((await markedPara.getAttribute('id')) === 'p2', 'the matched paragraph is marked');
  check((await text(page, '.para.marked mark')).join(' ') === 'new pier', 'the phrase is highlighted in the article');
  check(await markedPara.isVisible(), 'the marked paragraph is in view');
  check((await page.locator('#article-body .para').count()) === 3, 'every paragraph is shown');
  await page.screenshot({path: path.join(shots, 'laptop-article.png')});

  // The article view marks quotations and who said them (graf quotes' finder).
  await step(page, () => page.goto(base + '/?article=sample:000_e09bedad7cb2df9b&p=3'));
  const quotes = await page.locator('#article-body .quote').evaluateAll((qs) => qs.map((q) => ({
    text: q.textContent, speaker: q.dataset.speaker, title: q.title,
    label: q.nextElementSibling && q.nextElementSibling.classList.contains('speaker')
        ? q.nextElementSibling.textContent : null})));
  check(quotes.length === 6, 'the six quotations of the article are marked: ' + quotes.length);
  check(quotes[0].text === 'They don’t actually have the money,' && quotes[0].speaker === 'elon musk' &&
        quotes[0].title === 'Elon Musk (x-said)', 'the first quotation and its speaker: ' + JSON.stringify(quotes[0]));
  const liar = quotes.find((q) => q.text === 'What a liar,');
  check(liar && liar.speaker === 'elon musk' && liar.title === 'Elon Musk (pronoun)',
        '"What a liar," is Musk\'s, through "he": ' + JSON.stringify(liar));
  const labels = await text(page, '#article-body .speaker');
  check(labels.includes('Elon Musk') && labels.includes('Sam Altman') && labels.includes('Caroline Leavitt') &&
        labels.includes('Steve Bannon'), 'each speaker is named after the quotation: ' + labels);
  // The closing mark stays with the quotation, before the speaker's name.
  const firstPara = await page.locator('#p1').textContent();
  check(firstPara.includes('They don’t actually have the money,”Elon Musk Musk wrote'),
        'the speaker follows the closing mark: ' + firstPara.slice(0, 200));
  check((await text(page, '.para.marked .quote mark')).length === 0, 'no query, no marks inside quotations');
  await page.screenshot({path: path.join(shots, 'laptop-quotes.png'), fullPage: true});
  // With a query, its words are highlighted inside the quotation too.
  await step(page, () => page.goto(base + '/?q=liar&article=sample:000_e09bedad7cb2df9b&p=3'));
  check((await text(page, '#article-body .quote mark')).join(' ') === 'liar', 'a match inside a quotation is marked');

  // Hostile text renders as text; its javascript: url is not a link.
  await step(page, () => page.goto(base + '/?q=lighthouse'));
  const title = await page.textContent('#hits .hit a.title');
  check(title === '"><img src=x onerror=alert(1)>', 'a hostile title is text: ' + title);
  check((await page.locator('main img, main script').count()) === 0, 'no element was injected');
  check(await page.isHidden('#pager'), 'one page of results has no pager');
  await page.screenshot({path: path.join(shots, 'hostile-results.png')});
  await step(page, () => page.click('#hits .hit a.title'));
  const body = await page.textContent('#article-body');
  check(body.includes('<script>alert(1)</script> was pasted'), 'a hostile paragraph is text');
  const hostileQuote = await text(page, '#article-body .quote');
  check(hostileQuote.includes('<img src=x onerror=alert(1)> was in the log again this morning,') &&
        (await text(page, '#article-body .speaker')).includes('Ann Bold'),
        'a hostile quotation is text, with its speaker: ' + hostileQuote);
  check((await page.locator('#article-meta a').count()) === 0, 'a javascript: url is not a link');
  check((await page.locator('main img, main script').count()) === 0, 'no element was injected in the article');
  await page.screenshot({path: path.join(shots, 'hostile-article.png')});

  // A malformed query shows the API's message.
  expect400 = true;
  await step(page, () => page.goto(base + '/?q=musk%20AND'));
  expect400 = false;
  check(/AND needs a word/.test(await page.textContent('#error')), 'a malformed query shows its error');

  // A phone: results and an article fit the width.
  const phone = await context.newPage();
  watch(phone);
  await phone.setViewportSize({width: 390, height: 844});
  await phone.goto(base + '/?q=harbour&since=2025-01');
  await ready(phone);
  const fits = () => phone.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
  check(await fits(), 'the results fit a phone width');
  await phone.screenshot({path: path.join(shots, 'phone-results.png'), fullPage: true});
  await step(phone, () => phone.click('#hits .hit >> nth=0 >> a.title'));
  check(await fits(), 'an article fits a phone width');
  await phone.screenshot({path: path.join(shots, 'phone-article.png')});
  await step(phone, () => phone.goto(base + '/?article=sample:000_e09bedad7cb2df9b&p=3'));
  check((await phone.locator('#article-body .speaker').count()) === 6 && await fits(),
        'quotations and speakers fit a phone width');
  await phone.screenshot({path: path.join(shots, 'phone-quotes.png')});

  check(problems.length === 0, 'no errors, CSP violations, dialogs or foreign requests:\n' + problems.join('\n'));
  console.log(`browser test: ${checks} checks passed; screenshots in ${shots}`);
} finally {
  await context.close();
  fs.rmSync(profile, {recursive: true, force: true});
}
