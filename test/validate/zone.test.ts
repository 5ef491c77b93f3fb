import { describe, expect, it } from 'vitest';
import { isTimeZone, parseCallEvent } from '../../src/validate/index.js';
import { validationError } from './helpers.js';

describe('isTimeZone', () => {
  it('accepts IANA names, their links and case variants, as Intl does', () => {
    for (const zone of ['Europe/London', 'UTC', 'Etc/GMT+1', 'America/Argentina/Buenos_Aires', 'GB', 'US/Eastern', 'EST', 'europe/london']) {
      expect(isTimeZone(zone), zone).toBe(true);
      expect(isTimeZone(zone), `${zone}, cached`).toBe(true);
    }
  });

  it('refuses unknown names and the empty string', () => {
    for (const zone of ['', 'Europe/Atlantis', 'Mars/Olympus_Mons', 'London', ' Europe/London']) {
      expect(isTimeZone(zone), zone).toBe(false);
    }
  });

  it("refuses Java's legacy three-letter ids that Intl accepts for the wrong place (BST is Dhaka)", () => {
    for (const zone of ['BST', 'bst', 'IST', 'CST', 'PST', 'JST', 'AST']) {
      expect(isTimeZone(zone), zone).toBe(false);
    }
  });
});

describe('zone in a dial event', () => {
  const dial = { type: 'dial', callId: 'z1', at: 1_709_285_400_000, campaignId: 'k', callCentreId: 'cc', to: '01134960000', cli: null, agentGuaranteed: true, amd: false, messagePlanned: false };

  it('a bad zone names the call, the field and the zone', () => {
    const error = validationError(() => parseCallEvent({ ...dial, zone: 'BST' }));
    expect(error.path).toBe('zone');
    expect(error.callId).toBe('z1');
    expect(error.message).toBe('call z1: zone should be an IANA time zone known to this runtime, e.g. "Europe/London", received "BST"');
  });

  it('a non-default zone is kept', () => {
    expect(parseCallEvent({ ...dial, zone: 'America/New_York' })).toMatchObject({ zone: 'America/New_York' });
  });
});
