import { loadConfig } from '../config/app-config';
import { ApiKeyService } from './api-key.service';

describe('ApiKeyService', () => {
  const service = new ApiKeyService(loadConfig({ API_KEYS: 'alice:curator:curator-key-0123456789,root:admin:admin-key-0123456789' }));

  it('finds the principal of a configured key', () => {
    expect(service.authenticate('curator-key-0123456789')).toEqual({ name: 'alice', role: 'curator' });
    expect(service.authenticate('admin-key-0123456789')).toEqual({ name: 'root', role: 'admin' });
  });

  it('rejects unknown keys and prefixes of real keys', () => {
    expect(service.authenticate('curator-key-012345678')).toBeNull();
    expect(service.authenticate('')).toBeNull();
  });
});
