package org.openhotline.channels.internal.portal;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The portal's short address: {@code /portal} opens the public page set of the web UI (hash routes). */
@Controller
class PortalPage {

    @GetMapping({"/portal", "/portal/"})
    String portal() {
        return "redirect:/#/portal";
    }
}
