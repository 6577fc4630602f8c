import { describe, expect, it } from 'vitest';
import { ecpayCallbackSignature, ecpayRequestSign, ecpaySignMatches } from './ecpay-sign.ts';

// The test vectors of Douyin's official signature demos (open-pay-signature-go-demo and
// -java-demo, sign_test.go / SignTest.java), whose SALT is the placeholder "your_payment_salt".
describe('ecpay signatures', () => {
  const createOrder = {
    app_id: 'ttcfdbb9xxxxxxxxxxx',
    thirdparty_id: 'tta4bad200000xxxxxx',
    out_order_no: 'test-02167569xxxxxx',
    total_amount: 2376,
    subject: 'test-payment_subject-test-paym...',
    body: '强烈推荐！经典腊汁肉夹馍团购价仅需7.92元！',
    valid_time: 172800,
    notify_url: 'https://www.xxx.com',
    disable_msg: 0,
    msg_page: 'pages/user/orderDetail/orderDetail?id=997979879879879879',
    sign: 'edc608b160a1be3de0xxxxxx',
  };

  it('reproduces the official request-sign vector', () => {
    expect(ecpayRequestSign(createOrder, 'your_payment_salt')).toBe('54f102e7115f8a6a3e6af4633dc33959');
  });

  it('reproduces the official callback-signature vector', () => {
    expect(
      ecpayCallbackSignature({
        token: 'fdsifakhflasjfxxxxxxxxx',
        timestamp: '1652675265',
        nonce: '9999',
        msg: '80850852',
      }),
    ).toBe('c9df04a40645c4ec15c13bc542cea589eac57e64');
  });

  it('leaves out app_id, thirdparty_id, other_settle_params, sign, empty and null values', () => {
    const base = ecpayRequestSign(createOrder, 'your_payment_salt');
    expect(
      ecpayRequestSign(
        { ...createOrder, app_id: 'tt-other', other_settle_params: '[1]', cp_extra: '', store_uid: null },
        'your_payment_salt',
      ),
    ).toBe(base);
    // A quoted or padded value signs as its content.
    expect(
      ecpayRequestSign(
        { ...createOrder, subject: '  "test-payment_subject-test-paym..." ' },
        'your_payment_salt',
      ),
    ).toBe(base);
  });

  it('refuses a sign made with another SALT, another amount, or of the wrong shape', () => {
    const sign = ecpayRequestSign(createOrder, 'your_payment_salt');
    expect(ecpaySignMatches(createOrder, 'your_payment_salt', sign)).toBe(true);
    expect(ecpaySignMatches(createOrder, 'your_payment_salt', sign.toUpperCase())).toBe(true);
    expect(ecpaySignMatches(createOrder, 'another_salt', sign)).toBe(false);
    expect(ecpaySignMatches({ ...createOrder, total_amount: 2377 }, 'your_payment_salt', sign)).toBe(false);
    expect(ecpaySignMatches(createOrder, 'your_payment_salt', undefined)).toBe(false);
    expect(ecpaySignMatches(createOrder, 'your_payment_salt', `${sign}0`)).toBe(false);
  });
});
