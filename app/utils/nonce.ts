import { createContext, useContext } from 'react';

// The CSP nonce reaches <Scripts> through context; browsers hide the attribute's value from
// scripts, so the client renders with an empty one.
export const NonceContext = createContext('');
export const useNonce = () => useContext(NonceContext);
