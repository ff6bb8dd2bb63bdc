package net.cdapkit.model;

/** How the CAF sent a letter, which tells an agent where the allocataire can find it again. */
public enum CanalCourrier {
  /** By post. */
  COURRIER,
  /** By e-mail. */
  EMAIL,
  /** In the allocataire's personal space on caf.fr. */
  ESPACE_PERSONNEL,
  /** A value unknown to this version of the SDK. */
  UNKNOWN
}
