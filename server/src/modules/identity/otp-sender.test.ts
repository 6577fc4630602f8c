import { Writable } from 'node:stream';
import { expect, it } from 'vitest';
import { manualClock } from '../../db/clock.ts';
import { createLogger } from '../../logging/logger.ts';
import { createDevOtpSender } from './otp-sender.ts';

it('the development sender logs the code, marked as such, and keeps it in its inbox', async () => {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk, _enc, done) {
      lines.push(String(chunk));
      done();
    },
  });
  const clock = manualClock();
  const sender = createDevOtpSender(createLogger('info', sink), clock);
  await sender.send({ phone: '+8613800138000', code: '042517', expiresAt: clock.now() + 1000 });
  clock.advance(10);
  await sender.send({ phone: '+8613800138000', code: '999001', expiresAt: clock.now() + 1000 });
  await sender.send({ phone: '+15550100', code: '123123', expiresAt: clock.now() + 1000 });
  const entry = JSON.parse(lines[0] as string);
  expect(entry.level).toBe(30);
  expect(entry.msg).toContain('dev OTP sender');
  expect(entry.msg).toContain('042517');
  expect(sender.inbox('+8613800138000').map((m) => m.code)).toEqual(['999001', '042517']);
  expect(sender.inbox('+8613800138001')).toEqual([]);
});
