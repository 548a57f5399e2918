// Risk: a buyer gets a language they did not ask for, or a hostile header or query breaks the page.
import { describe, expect, it } from 'vitest';
import { pickLocale } from './pickLocale.ts';

describe('pickLocale', () => {
  it.each([
    [undefined, 'en'],
    ['', 'en'],
    ['fr', 'fr'],
    ['fr-CA,fr;q=0.9,en;q=0.8', 'fr'],
    ['de-DE,de;q=0.9,es;q=0.8,en;q=0.7', 'es'],
    ['en;q=0.5, ja', 'ja'],
    ['pt-BR', 'pt'],
    ['zh-TW,zh;q=0.9', 'zh-CN'],
    ['ZH-cn', 'zh-CN'],
    ['ar-EG;q=0.8, ru;q=0.9', 'ru'],
    ['ko;q=0, vi', 'vi'],
    ['*', 'en'],
    ['xx, yy;q=0.5', 'en'],
    ['id', 'id'],
    ['tr-TR', 'tr'],
    [`${'a,'.repeat(2000)}ko`, 'en'],
  ])('Accept-Language %j → %s', (header, locale) => {
    expect(pickLocale({ acceptLanguage: header })).toBe(locale);
  });

  it('prefers the switcher choice and ignores an unknown one', () => {
    expect(pickLocale({ requested: 'ar', acceptLanguage: 'fr' })).toBe('ar');
    expect(pickLocale({ requested: 'zh-cn', acceptLanguage: 'fr' })).toBe('zh-CN');
    expect(pickLocale({ requested: '<script>', acceptLanguage: 'fr' })).toBe('fr');
    expect(pickLocale({ requested: 'constructor' })).toBe('en');
  });
});
