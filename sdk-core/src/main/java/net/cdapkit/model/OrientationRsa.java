package net.cdapkit.model;

/** The path an RSA beneficiary was oriented to, which decides who their referent is. */
public enum OrientationRsa {
  /** Social support (conseil départemental, CCAS). */
  SOCIALE,
  /** Professional support (France Travail). */
  PROFESSIONNELLE,
  /** Both. */
  SOCIO_PROFESSIONNELLE,
  /** A value unknown to this version of the SDK. */
  UNKNOWN
}
