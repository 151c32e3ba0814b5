import { ExchangeState, idleVerdict } from './idle-timeout';

const state = (over: Partial<ExchangeState>): ExchangeState => ({ inRequest: true, requestComplete: false, unreadRequestBytes: 0, arrivedSinceTimeout: 0, responseStarted: false, unsentResponseBytes: 0, ...over });

describe('idleVerdict: whose silence a quiet connection is', () => {
  it('is the client\'s between requests and while a body it announced does not come', () => {
    expect(idleVerdict(state({ inRequest: false }))).toBe('client-silent');
    expect(idleVerdict(state({ requestComplete: false, unreadRequestBytes: 0 }))).toBe('client-silent');
  });

  it("is the server's while it has body bytes it has not read yet, or works on a request it has whole", () => {
    expect(idleVerdict(state({ requestComplete: false, unreadRequestBytes: 65_536 }))).toBe('server-busy');
    // The timer fired late (the event loop was busy) and the client's bytes were waiting to be read.
    expect(idleVerdict(state({ requestComplete: false, arrivedSinceTimeout: 1_024 }))).toBe('server-busy');
    expect(idleVerdict(state({ requestComplete: true }))).toBe('server-busy');
    expect(idleVerdict(state({ requestComplete: true, responseStarted: true, unsentResponseBytes: 0 }))).toBe('server-busy');
  });

  it("is the client's when its answer waits to be read", () => {
    expect(idleVerdict(state({ requestComplete: true, responseStarted: true, unsentResponseBytes: 16_384 }))).toBe('client-silent');
  });
});
