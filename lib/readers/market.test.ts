import { describe, expect, it } from 'vitest';
import { marketFromWarehouse } from './market';

describe('marketFromWarehouse', () => {
  it.each([
    ['西班牙马德里仓', 'ES'], ['巴塞罗那仓', 'ES'], ['Madrid ES', 'ES'], ['Spain - Madrid', 'ES'], ['ES-MAD-01', 'ES'],
    ['法国巴黎仓', 'FR'], ['France Paris', 'FR'],
    ['波兰仓', 'PL'], ['Poland Warehouse', 'PL'],
    ['沙特利雅得仓', 'SA'], ['吉达仓', 'SA'], ['Riyadh', 'SA'], ['Saudi Arabia (Jeddah)', 'SA'],
    ['阿联酋迪拜仓', 'AE'], ['Dubai', 'AE'], ['UAE', 'AE'],
    ['墨西哥仓', 'MX'], ['Mexico City, MX', 'MX'],
    ['巴西圣保罗仓', 'BR'], ['São Paulo', 'BR'], ['Sao Paulo', 'BR'],
    ['韩国首尔仓', 'KR'], ['Seoul', 'KR'],
    ['日本东京仓', 'JP'], ['Japan Tokyo', 'JP'],
    ['澳大利亚悉尼仓', 'AU'], ['Australia (Sydney)', 'AU'],
    ['美国洛杉矶仓', 'US'], ['新泽西仓', 'US'], ['Los Angeles', 'US'], ['New Jersey', 'US'], ['USA', 'US'], ['US West', 'US'],
    ['加拿大多伦多仓', 'CA'], ['Toronto', 'CA'], ['Canada', 'CA'], ['CA-TOR', 'CA'],
  ] as const)('%j -> %s', (text, market) => {
    expect(marketFromWarehouse(text)).toBe(market);
  });

  it('names win over bare codes: "Los Angeles, CA" is California', () => {
    expect(marketFromWarehouse('Los Angeles, CA')).toBe('US');
    expect(marketFromWarehouse('Toronto, ON')).toBe('CA');
  });

  it('matches English names in any case', () => {
    expect(marketFromWarehouse('LOS ANGELES')).toBe('US');
    expect(marketFromWarehouse('madrid')).toBe('ES');
  });

  it.each(['Escondido', 'Caracas', 'CARACAS', 'Esports hub', 'ca warehouse', 'es warehouse', 'Jersey', 'USB hub', '', '--', 'Warehouse 3'])(
    '%j names no market (codes only as whole upper-case words)',
    (text) => {
      expect(marketFromWarehouse(text)).toBeNull();
    },
  );

  it('does not guess when the text names two markets', () => {
    expect(marketFromWarehouse('西班牙 / 法国 共享仓')).toBeNull();
    expect(marketFromWarehouse('ES / FR')).toBeNull();
    expect(marketFromWarehouse(null)).toBeNull();
  });
});
