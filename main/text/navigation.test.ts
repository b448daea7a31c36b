import { describe, expect, it } from 'vitest';
import { navigationShare } from './navigation.js';

describe('navigationShare', () => {
  it('reads an FAQ index of question links as navigation', () => {
    const index = [
      '## Account',
      '',
      '[View the complete account FAQ →](account.md)',
      '',
      '- [How do I delete my account?](account.md#delete)',
      '- [How do I change my email?](account.md#email)',
      '- [Can I have two accounts?](account.md#two)',
    ].join('\n');
    expect(navigationShare(index)).toBe(1);
  });

  it('reads text with a link in it, and steps that name a link, as text', () => {
    expect(navigationShare('Open Settings and tap [Delete account](delete.md). It takes 7 days.')).toBe(0);
    expect(navigationShare('1. Open **Settings**\n2. Tap [Delete](a.md)\n3. Confirm')).toBe(0);
  });

  it('counts link lists by their share, beside the text of the section', () => {
    const mixed =
      'Refunds reach your card within 5 days of the return.\n\nSee also:\n\n- [Returns](r.md)\n- [Exchanges](e.md)';
    const share = navigationShare(mixed);
    expect(share).toBeGreaterThan(0.2);
    expect(share).toBeLessThan(0.6);
  });

  it('leaves out pictures, even a picture that links to its full size', () => {
    const section =
      'This error means the wallet is syncing; leave it open.\n\n[![Not synced](e2.png)](/images/e2.png)\n\n![x](y.png)';
    expect(navigationShare(section)).toBe(0);
    expect(navigationShare('[![only a picture](a.png)](a.png)')).toBe(0);
  });
});
