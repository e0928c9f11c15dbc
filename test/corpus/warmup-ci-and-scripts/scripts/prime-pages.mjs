// After a deploy, request the busiest pages once so that the cache is warm for the first visitors.
const base = process.env.SITE_URL ?? 'https://shop.example.com';
const pages = ['/', '/pricing', '/docs', '/blog'];

for (const page of pages) {
  const res = await fetch(base + page); // expect: kv-deploy-warming
  console.log(page, res.status);
}
