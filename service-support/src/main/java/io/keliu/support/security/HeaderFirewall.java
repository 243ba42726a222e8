package io.keliu.support.security;

import org.springframework.security.web.firewall.StrictHttpFirewall;

/**
 * Spring Security's {@link StrictHttpFirewall} with its defaults, except that header names and values are checked in
 * one pass over their characters instead of by its regular expressions. They accept the same strings: every code point
 * assigned in Unicode and none a control character, a tab allowed in values. The firewall checks every header it is
 * asked for, and the regular expression over a signed token of several hundred characters, and over every header the
 * gateway passes on, showed in the profiles of the gateway and the services.
 */
public final class HeaderFirewall {
    private HeaderFirewall() {
    }

    public static StrictHttpFirewall strict() {
        StrictHttpFirewall firewall = new StrictHttpFirewall();
        firewall.setAllowedHeaderNames(HeaderFirewall::isAllowedName);
        firewall.setAllowedHeaderValues(HeaderFirewall::isAllowedValue);
        return firewall;
    }

    /** {@code [\p{IsAssigned}&&[^\p{IsControl}]]*} */
    static boolean isAllowedName(String name) {
        return allAssignedWithoutControls(name, false);
    }

    /** {@code [\p{IsAssigned}&&[[^\p{IsControl}]||\t]]*} */
    static boolean isAllowedValue(String value) {
        return allAssignedWithoutControls(value, true);
    }

    private static boolean allAssignedWithoutControls(String text, boolean tabAllowed) {
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c >= ' ' && c < 0x7f) {
                i++;
                continue;
            }
            int codePoint = text.codePointAt(i);
            int type = Character.getType(codePoint);
            if (type == Character.UNASSIGNED || type == Character.CONTROL && !(tabAllowed && codePoint == '\t')) {
                return false;
            }
            i += Character.charCount(codePoint);
        }
        return true;
    }
}
