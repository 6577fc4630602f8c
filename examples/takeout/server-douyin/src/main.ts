import { createDouyinMerchantServer } from './merchant-server.ts';

// The Douyin-style takeout merchant server, configured from the environment as on Douyin;
// only DOUYIN_BASE_URL differs: DOUYIN_BASE_URL, DOUYIN_APPID, DOUYIN_SECRET, DOUYIN_SALT,
// DOUYIN_CALLBACK_TOKEN, TAKEOUT_HOST, TAKEOUT_PORT, TAKEOUT_DELIVERY_MS
const need = (name: string) => {
  const value = process.env[name];
  if (!value) {
    process.stderr.write(`${name} is required\n`);
    process.exit(2);
  }
  return value;
};
const { server } = createDouyinMerchantServer({
  douyinBaseUrl: need('DOUYIN_BASE_URL').replace(/\/$/, ''),
  appid: need('DOUYIN_APPID'),
  secret: need('DOUYIN_SECRET'),
  salt: need('DOUYIN_SALT'),
  callbackToken: need('DOUYIN_CALLBACK_TOKEN'),
  deliveryMs: Number(process.env.TAKEOUT_DELIVERY_MS ?? 3000),
});
const host = process.env.TAKEOUT_HOST ?? '127.0.0.1';
const port = Number(process.env.TAKEOUT_PORT ?? 8081);
server.listen(port, host, () =>
  process.stdout.write(`Douyin-style takeout merchant server at http://${host}:${port}\n`),
);
process.on('SIGTERM', () => server.close(() => process.exit(0)));
