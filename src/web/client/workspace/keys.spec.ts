import { commandForKey } from './keys';

describe('workspace keys', () => {
  it('maps the decision and navigation keys', () => {
    expect(commandForKey({ key: 'i' }, 'record', 5)).toEqual({ kind: 'decide', decision: 'INCLUDE' });
    expect(commandForKey({ key: 'm' }, 'record', 5)).toEqual({ kind: 'decide', decision: 'MAYBE' });
    expect(commandForKey({ key: 'e' }, 'record', 5)).toEqual({ kind: 'exclude' });
    expect(commandForKey({ key: 'j' }, 'record', 5)).toEqual({ kind: 'next' });
    expect(commandForKey({ key: 'k' }, 'record', 5)).toEqual({ kind: 'previous' });
    expect(commandForKey({ key: '/' }, 'record', 5)).toEqual({ kind: 'search' });
    expect(commandForKey({ key: 'c' }, 'record', 5)).toEqual({ kind: 'conflicts' });
  });

  it('takes a reason number only after e, within the review\'s reasons, and cancels with Escape', () => {
    expect(commandForKey({ key: '2' }, 'record', 5)).toBeNull();
    expect(commandForKey({ key: '2' }, 'reason', 5)).toEqual({ kind: 'reason', index: 1 });
    expect(commandForKey({ key: '6' }, 'reason', 5)).toBeNull();
    expect(commandForKey({ key: 'Escape' }, 'reason', 5)).toEqual({ kind: 'cancel' });
    expect(commandForKey({ key: 'Escape' }, 'record', 5)).toBeNull();
  });

  it('leaves keys with modifiers to the browser', () => {
    expect(commandForKey({ key: 'i', ctrlKey: true }, 'record', 5)).toBeNull();
    expect(commandForKey({ key: 'j', metaKey: true }, 'record', 5)).toBeNull();
  });
});
