package org.openhotline.telephony.sip;

import gov.nist.javax.sip.SipStackExt;
import gov.nist.javax.sip.clientauthutils.AccountManager;
import gov.nist.javax.sip.clientauthutils.AuthenticationHelper;
import gov.nist.javax.sip.clientauthutils.UserCredentials;
import javax.sip.ClientTransaction;
import javax.sip.message.Response;
import org.openhotline.telephony.Trunk;

/**
 * Answers a carrier's digest challenge (401 or 407) to our INVITE with the trunk's account, once per leg:
 * a second challenge means the credentials are wrong and the leg fails.
 */
final class TrunkAuthentication {
    private final SipEndpoint sip;

    TrunkAuthentication(SipEndpoint sip) {
        this.sip = sip;
    }

    /** Re-sends the INVITE with credentials; returns false when there is nothing (more) to try. */
    boolean retry(SipLeg leg, Response challenge, ClientTransaction challenged) throws Exception {
        Trunk trunk = leg.viaTrunk;
        if (trunk == null || trunk.username() == null || leg.authTried) return false;
        leg.authTried = true;
        AccountManager account = (tx, realm) -> new UserCredentials() {
            @Override
            public String getUserName() {
                return trunk.username();
            }

            @Override
            public String getPassword() {
                return trunk.password();
            }

            @Override
            public String getSipDomain() {
                return trunk.outboundHost();
            }
        };
        AuthenticationHelper helper = ((SipStackExt) sip.stack).getAuthenticationHelper(account, sip.headers);
        ClientTransaction retry = helper.handleChallenge(challenge, challenged, sip.provider, 5);
        retry.setApplicationData(leg);
        leg.outgoingInvite = retry;
        leg.invite = retry.getRequest();
        leg.dialog = retry.getDialog();
        if (leg.dialog != null) leg.dialog.setApplicationData(leg);
        retry.sendRequest();
        return true;
    }
}
