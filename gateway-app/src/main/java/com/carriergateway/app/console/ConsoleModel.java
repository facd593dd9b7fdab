package com.carriergateway.app.console;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every console page needs: the session's form token (forms and htmx send it back) and who is signed in. */
@ControllerAdvice(basePackageClasses = ConsoleModel.class)
class ConsoleModel {

    @ModelAttribute
    void common(HttpServletRequest request, Model model) {
        model.addAttribute("csrf", ConsoleSession.token(request));
        model.addAttribute("csrfField", ConsoleSession.TOKEN_FIELD);
        model.addAttribute("operator", ConsoleSession.operator(request).orElse(null));
        model.addAttribute("htmxHeaders", "{\"" + ConsoleSession.TOKEN_HEADER + "\": \"" + ConsoleSession.token(request)
                + "\"}");
    }
}
