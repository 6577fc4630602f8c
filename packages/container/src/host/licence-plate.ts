import { HostRefusal } from '@plaza/runtime';
import type { HostUi } from '../shell/host-ui.ts';

/**
 * A mainland Chinese plate: the province's character, the issuing office's letter (no I or O),
 * then five characters, or six for a new-energy vehicle; the last may be 挂, 学 or 警.
 */
const PLATE =
  /^[京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼][A-HJ-NP-Z](?:[A-HJ-NP-Z0-9]{5}|[A-HJ-NP-Z0-9]{6}|[A-HJ-NP-Z0-9]{4}[挂学警])$/;

/** Whether `text` (spaces and a middle dot allowed, any case) is a plate number; the plate, normalised. */
export function licencePlate(text: string): string | undefined {
  const plate = text.replace(/[\s·•.-]/g, '').toUpperCase();
  return PLATE.test(plate) ? plate : undefined;
}

/**
 * `wx.chooseLicensePlate`: the host's sheet asks for the number until it is one, or the user
 * cancels (`cancel`).
 */
export async function askLicensePlate(ui: HostUi): Promise<{ plateNumber: string }> {
  let title = 'Licence plate number';
  let content = '';
  for (;;) {
    const answer = await ui.showModal({ title, content, editable: true, placeholderText: '京A12345' });
    if (!answer.confirm) throw new HostRefusal('cancel');
    content = answer.content ?? '';
    const plate = licencePlate(content);
    if (plate) return { plateNumber: plate };
    title = `“${content}” is not a licence plate number`;
  }
}
