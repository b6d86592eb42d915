// "Listing a product on a phone in under 2 minutes for a first-time seller", walked by a
// browser: Chromium at 360 px with its CPU slowed 4× (a cheap Android phone) on Chrome's
// "Slow 3G" profile (400 ms round trips, 500 kbit/s each way), from the seller's dashboard to
// the published product page, with a 12-megapixel camera photo. The machine's share (page
// loads, shrinking the photo, the upload, the server's work) is measured; the person's share
// (reading, typing, taking the photo) is a stated model, added to it. A second walk keeps the
// browser from shrinking the photo, to show what the 3.3 MB original would cost.
import { cameraPhoto } from '../support/images.ts';
import { launchChromium, SMOKE, withEmbeddedApp } from './support.ts';

const NAME = 'Mật ong bạc hà Tả Van';
const PRICE = '150.000';
const STOCK = '8';

/** Seconds a first-time seller spends, by step (typing 2 keystrokes a second, Vietnamese Telex ≈ 1.3 keystrokes a letter). */
const typing = (text: string) => (text.length * 1.3) / 2;
const PERSON: [string, number][] = [
  ['read the dashboard, find "+ List a product"', 6],
  ['read the form', 6],
  [`type the name (${NAME.length} letters)`, typing(NAME)],
  ['take the photo (open the camera, shoot, accept)', 12],
  ['move to the price, type it', 2 + typing(PRICE)],
  ['move to the stock, type it', 2 + typing(STOCK)],
  ['choose the category', 5],
  ['check, tap Publish', 4],
];

async function walk(base: string, photo: Buffer, shrink: boolean, run: number) {
  const browser = await launchChromium();
  try {
    const context = await browser.newContext({ viewport: { width: 360, height: 740 }, hasTouch: true, locale: 'vi-VN' });
    // Without createImageBitmap the page sends the photo as it was taken (as without JavaScript).
    if (!shrink) await context.addInitScript(() => Object.defineProperty(window, 'createImageBitmap', { value: undefined }));
    const page = await context.newPage();
    await page.goto(`${base}/login?lng=en&redirectTo=/ta-van/market/sell`);
    await page.getByLabel('Email or phone number').fill('seller.tavan@baan.test');
    await page.getByLabel('Password').fill('baan-demo-2026');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('link', { name: '+ List a product' }).waitFor();

    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 400,
      downloadThroughput: (500 * 1024) / 8,
      uploadThroughput: (500 * 1024) / 8,
    });
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });

    const steps: [string, number][] = [];
    let mark = performance.now();
    const lap = (label: string) => {
      const now = performance.now();
      steps.push([label, (now - mark) / 1000]);
      mark = now;
    };
    await page.goto(`${base}/ta-van/market/sell?lng=en`);
    await page.getByRole('link', { name: '+ List a product' }).waitFor();
    lap('load the dashboard');
    await page.getByRole('link', { name: '+ List a product' }).click();
    await page.getByLabel('Product name (Tiếng Việt)').waitFor();
    lap('open the form');
    await page.getByLabel('Product name (Tiếng Việt)').fill(`${NAME} ${run}`);
    const picker = page.getByLabel(/^Photos/);
    await picker.setInputFiles({ name: 'IMG_0412.jpg', mimeType: 'image/jpeg', buffer: photo });
    let sent = photo.byteLength;
    if (shrink) {
      await page.locator('#photos[data-shrunk]').waitFor({ state: 'attached', timeout: 60_000 });
      sent = Number(await picker.getAttribute('data-shrunk'));
      lap('shrink the photo on the phone');
    }
    await page.getByLabel('Price (VND)').fill(PRICE);
    await page.getByLabel('How many can you sell?').fill(STOCK);
    await page.getByLabel('Category').selectOption('honey');
    mark = performance.now();
    await page.getByRole('button', { name: 'Publish' }).click();
    await page.getByRole('heading', { level: 1, name: `${NAME} ${run}` }).waitFor({ timeout: 300_000 });
    lap('publish: upload, store, show the product page');
    return { steps, sentKB: Math.round(sent / 1024) };
  } finally {
    await browser.close();
  }
}

export async function listingWalkBench() {
  await withEmbeddedApp(3330, async (base) => {
    const photo = await cameraPhoto(11);
    const person = PERSON.reduce((n, [, s]) => n + s, 0);
    console.log(
      `listing a product, first-time seller, 360 px, CPU 4× slower, Slow 3G, a ${(photo.byteLength / 1024 / 1024).toFixed(1)} MB camera photo   [target < 120 s]`,
    );
    console.log(`  the person (model): ${PERSON.map(([l, s]) => `${l} ${s.toFixed(1)} s`).join(' · ')} = ${person.toFixed(0)} s`);
    // A smoke run walks once, with the photo shrunk (the unshrunk upload alone takes a minute on Slow 3G).
    for (const [shrink, run] of SMOKE
      ? ([[true, 1]] as const)
      : ([
          [true, 1],
          [false, 2],
        ] as const)) {
      const { steps, sentKB } = await walk(base, photo, shrink, run);
      const machine = steps.reduce((n, [, s]) => n + s, 0);
      console.log(
        `  ${shrink ? 'photo shrunk on the phone' : 'photo sent as taken (no JavaScript, or an old browser)'} (${sentKB} KB sent): ` +
          `${steps.map(([l, s]) => `${l} ${s.toFixed(1)} s`).join(' · ')} = ${machine.toFixed(1)} s of waiting → ${(person + machine).toFixed(0)} s in all`,
      );
    }
  });
}
