package org.openhotline.workorder;

import org.openhotline.shared.StaffPrincipal;

/**
 * Click-to-call for handling units (平台代拨): the call center asks whom a unit handler may have the platform call.
 * The full number goes to the call center only, never back to the handler.
 */
public interface UnitCallTargets {

    /** The citizen of an order, for the platform to dial; {@code maskedPhone} is what the handler may see. */
    record UnitCallTarget(long workOrderId, String orderNumber, String citizenPhone, String maskedPhone) {}

    /**
     * The citizen of order {@code workOrderId} if {@code handler} may call them now: the admin chose click-to-call for
     * units, the order is open, and one of its active assignments belongs to the handler's unit. Otherwise a
     * {@link org.openhotline.shared.DomainException} (403/404/409) says why, in Chinese.
     */
    UnitCallTarget forUnitCall(long workOrderId, StaffPrincipal handler);
}
