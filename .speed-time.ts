import { createDb } from './src/lib/server/db';
import { createServices } from './src/lib/server/services';
import { FilesystemStorage } from './src/lib/server/media/storage';
import { PUBLIC_ACTOR } from './src/lib/server/auth/actor';
const database = await createDb({ url: `sqlite:/tmp/speed-10k/ecrav.sqlite` });
const services = createServices({ database, storage: new FilesystemStorage('/tmp/speed-10k') });
const c = await services.communities.getBySlug(PUBLIC_ACTOR, 'bench10k');
async function t(name: string, f: () => Promise<unknown>) {
  for (let i = 0; i < 3; i++) await f();
  const s = performance.now(); const n = 20; for (let i = 0; i < n; i++) await f();
  console.log(name, ((performance.now() - s) / n).toFixed(2), 'ms');
}
await t('listProducts', () => services.catalog.listProducts(PUBLIC_ACTOR, c, {}));
await t('listProducts q', () => services.catalog.listProducts(PUBLIC_ACTOR, c, { q: 'keripik pedas' }));
await t('listProducts shop', () => services.catalog.listProducts(PUBLIC_ACTOR, c, { shop: 'toko-1' }));
await t('categoryCounts', () => services.catalog.categoryCounts(PUBLIC_ACTOR, c));
await t('shops', () => services.shops.listByCommunity(PUBLIC_ACTOR, c));
await t('catalogVersion', () => services.communities.catalogVersion(PUBLIC_ACTOR, 'bench10k'));
await t('getBySlug', () => services.communities.getBySlug(PUBLIC_ACTOR, 'bench10k'));
process.exit(0);
