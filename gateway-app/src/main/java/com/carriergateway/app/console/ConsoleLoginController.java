package com.carriergateway.app.console;

import com.carriergateway.app.admin.AdminCredential;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Signing in to the console with the admin credential ({@code gateway.admin.*}, the same one the admin API takes
 * as HTTP Basic), and out. A form and a session rather than Basic: the browser cannot be made to forget a Basic
 * credential (no sign-out), and a session holds the form token every action is checked against.
 */
@Controller
class ConsoleLoginController {

    private static final Logger log = LoggerFactory.getLogger(ConsoleLoginController.class);

    private final AdminCredential admin;
    private final ConsoleProperties props;

    ConsoleLoginController(AdminCredential admin, ConsoleProperties props) {
        this.admin = admin;
        this.props = props;
    }

    @GetMapping("/console")
    String home() {
        return "redirect:/console/orders";
    }

    @GetMapping("/console/login")
    String loginForm(Model model) {
        model.addAttribute("configured", admin.isConfigured());
        return "console/login";
    }

    @PostMapping("/console/login")
    String login(@RequestParam(defaultValue = "") String username, @RequestParam(defaultValue = "") String password,
                 HttpServletRequest request, HttpServletResponse response, Model model) {
        AdminCredential.Verdict verdict = admin.check(username, password);
        if (verdict != AdminCredential.Verdict.ACCEPTED) {
            // never the name typed: it may be a password typed into the wrong field
            log.warn("console: sign-in refused");
            model.addAttribute("configured", admin.isConfigured());
            if (verdict == AdminCredential.Verdict.LOCKED) {
                long seconds = admin.retryAfterSeconds();
                response.setStatus(429);
                response.setHeader("Retry-After", Long.toString(seconds));
                model.addAttribute("lockedSeconds", seconds);
            } else {
                response.setStatus(401);
                model.addAttribute("refused", true);
            }
            return "console/login";
        }
        ConsoleSession.signIn(request, username, props.getSessionTimeout());
        log.info("console: operator signed in");
        return "redirect:/console/orders";
    }

    @PostMapping("/console/logout")
    String logout(HttpServletRequest request) {
        ConsoleSession.signOut(request);
        return "redirect:/console/login";
    }
}
