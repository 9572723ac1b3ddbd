// Screenshots of the built-in theme for the README, taken in headless Chromium.
//
//   mvn -B package                       # bakes the sample journal into target/site
//   python3 -m http.server -d target/site 8000 &
//   NODE_PATH=/path/to/node_modules node docs/screenshots/shoot.cjs http://127.0.0.1:8000/ docs/screenshots
//   pngquant --quality 70-90 --strip --ext .png --force docs/screenshots/*.png   # optional, smaller files
//
// Needs playwright-core and a Chromium (CHROMIUM, default /usr/bin/chromium). Each page is shot at
// 1280 px (desktop) and 390 px (phone), one viewport high, in the light scheme; the article also in
// the dark scheme and as printed.
'use strict';
const path = require('path');
const { chromium } = require('playwright-core');

const [base, out] = process.argv.slice(2);
if (!base || !out) {
  console.error('usage: node shoot.cjs BASE_URL OUT_DIR');
  process.exit(2);
}
const article = 'articles/2025/critical-minerals-central-asia/';
const pages = [
  ['home', ''],
  ['article', article],
  ['tag', 'tags/central-asia/'],
  ['author', 'authors/daniel-okafor/'],
  ['archive', 'archive/'],
  ['search', 'search/', async (p) => { await p.fill('#search-input', 'russia treaty'); await p.waitForTimeout(600); }],
  ['404', '404.html'],
];
const sizes = [['1280', { width: 1280, height: 800 }, false], ['390', { width: 390, height: 844 }, true]];

(async () => {
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'] });
  async function shoot(name, rel, viewport, mobile, options) {
    const context = await browser.newContext({ viewport, deviceScaleFactor: 1, isMobile: mobile, hasTouch: mobile,
      colorScheme: options.scheme || 'light' });
    const page = await context.newPage();
    if (options.media) await page.emulateMedia({ media: options.media });
    await page.goto(base + rel, { waitUntil: 'load' });
    if (options.then) await options.then(page);
    if (options.scroll) await page.evaluate((y) => window.scrollTo(0, y), options.scroll);
    await page.screenshot({ path: path.join(out, name + '.png') });
    await context.close();
  }
  for (const [name, rel, then] of pages) {
    for (const [w, viewport, mobile] of sizes) await shoot(name + '-' + w, rel, viewport, mobile, { then });
  }
  await shoot('article-dark-1280', article, sizes[0][1], false, { scheme: 'dark' });
  await shoot('article-end-1280', article, sizes[0][1], false, { then: (p) => p.evaluate(() => document.querySelector('.article-body .footnotes').scrollIntoView()) });
  await shoot('article-print', article, { width: 794, height: 1123 }, false, { media: 'print' });
  await browser.close();
})().catch((e) => { console.error(e); process.exit(1); });
