/**
 * A sample of partner code built on the SDK, {@link net.cdapkit.samples.partner.HousingAidCheck},
 * and, in its tests, how a partner team tests it with sdk-testkit.
 */
package net.cdapkit.samples.partner;
