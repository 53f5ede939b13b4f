import { strict as assert } from 'node:assert';
import { formatBytes, formatCount, formatTokens, formatUsd, formatUsdPerMonth } from '../../../src/engine/format';

describe('engine surface formatting', () => {
  it('formats counts with thousands separators', () => {
    assert.equal(formatCount(0), '0');
    assert.equal(formatCount(999), '999');
    assert.equal(formatCount(1234567), '1,234,567');
  });

  it('keeps two significant digits for amounts under a dollar', () => {
    assert.equal(formatUsd(0.0031), '$0.0031');
    assert.equal(formatUsd(0.00314159), '$0.0031');
    assert.equal(formatUsd(0.045), '$0.045');
    assert.equal(formatUsd(0.5), '$0.50');
    assert.equal(formatUsd(0.0999), '$0.10');
    assert.equal(formatUsd(0.00000042), '$0.00000042');
    assert.equal(formatUsd(1e-12), '<$0.00000001');
  });

  it('formats dollars and thousands', () => {
    assert.equal(formatUsd(3.1), '$3.10');
    assert.equal(formatUsd(93.456), '$93.46');
    assert.equal(formatUsd(1234.4), '$1,234');
    assert.equal(formatUsd(0), '$0');
  });

  it('says price unknown for null, never $0', () => {
    assert.equal(formatUsd(null), 'price unknown');
    assert.equal(formatUsd(undefined), 'price unknown');
    assert.equal(formatUsd(Number.NaN), 'price unknown');
    assert.equal(formatUsdPerMonth(null), 'price unknown');
  });

  it('formats monthly figures in whole dollars from $10', () => {
    assert.equal(formatUsdPerMonth(93.4), '$93/month');
    assert.equal(formatUsdPerMonth(5000.49), '$5,000/month');
    assert.equal(formatUsdPerMonth(4.5), '$4.50/month');
    assert.equal(formatUsdPerMonth(0.031), '$0.031/month');
  });

  it('marks token figures by accuracy and lower bound', () => {
    assert.equal(formatTokens({ tokens: 1234, accuracy: 'exact', lowerBound: false }), '1,234');
    assert.equal(formatTokens({ tokens: 1234, accuracy: 'near-exact', lowerBound: false }), '~1,234');
    assert.equal(formatTokens({ tokens: 1234, accuracy: 'approximate', lowerBound: true }), '≈1,234+');
  });

  it('formats sizes', () => {
    assert.equal(formatBytes(812), '812 B');
    assert.equal(formatBytes(64 * 1024), '64 KB');
    assert.equal(formatBytes(2.3 * 1024 * 1024), '2.3 MB');
    assert.equal(formatBytes(15 * 1024 * 1024), '15 MB');
  });
});
