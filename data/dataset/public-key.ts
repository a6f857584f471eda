// The maintainers' Ed25519 public key (raw 32 bytes, base64). Updates signed by its private key apply without asking;
// the private key never enters the repository (see scripts/dataset-sign.ts). Rotating it means shipping a new build.
export const DATASET_PUBLIC_KEY = 'wwzb1WqVHUKZb2A9KJkof5VplqzDtq2I1gVmLcjy73U=';

/** First 16 hex digits of SHA-256 over the raw key: lets a signature say which key made it, for a clearer message. */
export const DATASET_KEY_ID = '5441f94a15ba71b1';
