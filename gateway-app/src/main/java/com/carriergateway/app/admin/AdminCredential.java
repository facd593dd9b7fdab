package com.carriergateway.app.admin;

import com.carriergateway.adapter.credential.BasicCredential;

/**
 * The operators' credential ({@code gateway.admin.username} / {@code password}), kept as SHA-256 digests and
 * compared in constant time. Shared by the admin API (HTTP Basic) and the console's login form, so both accept
 * exactly the same credential. Unset: nothing matches.
 */
public final class AdminCredential {

    private final byte[] username;
    private final byte[] password;

    public AdminCredential(AdminProperties props) {
        boolean configured = props.getUsername() != null && !props.getUsername().isBlank()
                && props.getPassword() != null && !props.getPassword().isBlank();
        this.username = configured ? BasicCredential.sha256(props.getUsername()) : null;
        this.password = configured ? BasicCredential.sha256(props.getPassword()) : null;
    }

    public boolean isConfigured() {
        return username != null;
    }

    public boolean matches(BasicCredential credential) {
        return isConfigured() && credential.matches(username, password);
    }

    public boolean matches(String user, String pass) {
        return user != null && pass != null && matches(new BasicCredential(user, pass));
    }
}
