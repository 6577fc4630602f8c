import { createMerchantServer } from './merchant-server.ts';

// The takeout merchant server, configured from the environment:
//   PLAZA_URL, TAKEOUT_APPID, TAKEOUT_SECRET, TAKEOUT_WEBHOOK_SECRET, TAKEOUT_PORT, TAKEOUT_DELIVERY_MS,
//   TAKEOUT_ORDER_TEMPLATE_ID (the "Order status" subscription message, optional)
const need = (name: string) => {
  const value = process.env[name];
  if (!value) {
    process.stderr.write(`${name} is required\n`);
    process.exit(2);
  }
  return value;
};
const { app } = await createMerchantServer({
  plazaUrl: need('PLAZA_URL'),
  appid: need('TAKEOUT_APPID'),
  secret: need('TAKEOUT_SECRET'),
  webhookSecret: need('TAKEOUT_WEBHOOK_SECRET'),
  deliveryMs: Number(process.env.TAKEOUT_DELIVERY_MS ?? 3000),
  orderTemplateId: process.env.TAKEOUT_ORDER_TEMPLATE_ID || undefined,
  log: true,
});
const url = await app.listen({
  host: process.env.TAKEOUT_HOST ?? '127.0.0.1',
  port: Number(process.env.TAKEOUT_PORT ?? 8081),
});
process.stdout.write(`Takeout merchant server at ${url}\n`);
process.on('SIGTERM', () => void app.close().then(() => process.exit(0)));
