import { expect } from '@open-wc/testing';
import { render } from 'lit';
import { describeExpiry, expiryWithTime } from '../../../widgets/components/expiry.js';

const now = Date.UTC(2026, 0, 1);
const MIN = 60_000;

describe('describeExpiry', () => {
  it('says never, expired, and each unit in words', () => {
    expect(describeExpiry(null, now)).to.equal('never expires');
    expect(describeExpiry(now - 1, now)).to.equal('has expired');
    expect(describeExpiry(now + 10_000, now)).to.equal('expires in less than a minute');
    expect(describeExpiry(now + MIN, now)).to.equal('expires in 1 minute');
    expect(describeExpiry(now + 15 * MIN, now)).to.equal('expires in 15 minutes');
    expect(describeExpiry(now + 59 * MIN, now)).to.equal('expires in 59 minutes');
    expect(describeExpiry(now + 60 * MIN, now)).to.equal('expires in 1 hour');
    expect(describeExpiry(now + 8 * 60 * MIN, now)).to.equal('expires in 8 hours');
    expect(describeExpiry(now + 90 * 24 * 60 * MIN, now)).to.equal('expires in 90 days');
  });

  it('adds the local date and time in a <time> element, except for never', () => {
    const at = Date.now() + 15 * MIN;
    const el = document.createElement('p');
    render(expiryWithTime(at), el);
    expect(el.textContent).to.match(/^expires in 15 minutes \(.*\d.*\)$/);
    expect(el.querySelector('time')!.dateTime).to.equal(new Date(at).toISOString());
    expect(expiryWithTime(null)).to.equal('never expires');
  });
});
