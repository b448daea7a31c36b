import { describe, expect, it } from 'vitest';
import { localeLanguage, textLanguage } from './language.js';

describe('textLanguage', () => {
  it('reads Chinese when Han characters outnumber Latin words', () => {
    expect(textLanguage('退款多久到账')).toBe('zh');
    expect(textLanguage('我的 iPhone 订单')).toBe('zh');
    expect(textLanguage('How long does a refund take')).toBe('en');
    expect(textLanguage('Where is the 上海 showroom and when does it open')).toBe('en');
    expect(textLanguage('123')).toBe('en');
  });
});

describe('localeLanguage', () => {
  it('is the language part of a locale, lower-cased', () => {
    expect(localeLanguage('zh-CN')).toBe('zh');
    expect(localeLanguage('zh_TW')).toBe('zh');
    expect(localeLanguage('EN-gb')).toBe('en');
    expect(localeLanguage('')).toBe('');
  });
});
