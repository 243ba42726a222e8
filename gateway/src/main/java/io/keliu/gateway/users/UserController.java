package io.keliu.gateway.users;

import io.keliu.contracts.v1.Role;
import io.keliu.gateway.audit.AuditAction;
import io.keliu.gateway.audit.AuditLog;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** People who log in, managed by administrators. */
@RestController
@RequestMapping("/api/v1/users")
@Tag(name = "users", description = "People who log in (ADMIN)")
class UserController {
    static final int MIN_PASSWORD_LENGTH = 12;
    private static final Pattern USERNAME = Pattern.compile("[a-zA-Z0-9._@-]{1,64}");

    private final UserRepository users;
    private final PasswordEncoder passwords;
    private final AuditLog audit;

    UserController(UserRepository users, PasswordEncoder passwords, AuditLog audit) {
        this.users = users;
        this.passwords = passwords;
        this.audit = audit;
    }

    record NewUser(@Schema(example = "li.wei") String username,
                   @Schema(description = "At least 12 characters") String password,
                   @Schema(example = "[\"OPS\"]") Set<Role> roles) {
    }

    /** Each field optional: only the given ones change. */
    record UserChange(String password, Set<Role> roles, Boolean enabled) {
    }

    record UserView(long id, String username, Set<Role> roles, boolean enabled, Instant lockedUntil,
                    Instant createdAt, Instant updatedAt) {
        static UserView of(User user) {
            return new UserView(user.getId(), user.getUsername(), user.getRoles(), user.isEnabled(),
                    user.getLockedUntil(), user.getCreatedAt(), user.getUpdatedAt());
        }
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create a user")
    @Transactional
    UserView create(@RequestBody NewUser request) {
        if (request.username() == null || !USERNAME.matcher(request.username()).matches()) {
            throw badRequest("'username' must be 1 to 64 letters, digits or . _ @ -");
        }
        checkPassword(request.password());
        checkRoles(request.roles());
        if (users.findByUsername(request.username()).isPresent()) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, "A user '" + request.username() + "' exists.");
        }
        User user = users.save(new User(request.username(), passwords.encode(request.password()), request.roles()));
        audit.record(AuditAction.USER_CREATED, "user " + user.getUsername() + " with roles " + user.getRoles());
        return UserView.of(user);
    }

    @GetMapping
    @Operation(summary = "List users")
    List<UserView> list() {
        return users.findAll().stream().map(UserView::of).toList();
    }

    @GetMapping("/{username}")
    @Operation(summary = "One user")
    UserView get(@PathVariable String username) {
        return UserView.of(find(username));
    }

    @PatchMapping("/{username}")
    @Operation(summary = "Change a user's password, roles or whether it may log in")
    @Transactional
    UserView change(@PathVariable String username, @RequestBody UserChange change) {
        User user = find(username);
        StringBuilder what = new StringBuilder();
        if (change.password() != null) {
            checkPassword(change.password());
            user.changePassword(passwords.encode(change.password()));
            user.loginSucceeded();
            what.append(" password");
        }
        if (change.roles() != null) {
            checkRoles(change.roles());
            keepAnAdmin(user, change.roles().contains(Role.ADMIN));
            user.changeRoles(change.roles());
            what.append(" roles=").append(change.roles());
        }
        if (change.enabled() != null) {
            keepAnAdmin(user, change.enabled());
            user.enable(change.enabled());
            what.append(" enabled=").append(change.enabled());
        }
        audit.record(AuditAction.USER_CHANGED, "user " + username + ":" + what);
        return UserView.of(user);
    }

    @DeleteMapping("/{username}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Delete a user")
    @Transactional
    void delete(@PathVariable String username) {
        User user = find(username);
        keepAnAdmin(user, false);
        users.delete(user);
        audit.record(AuditAction.USER_DELETED, "user " + username);
    }

    private User find(String username) {
        return users.findByUsername(username).orElseThrow(() ->
                new ResponseStatusException(HttpStatus.NOT_FOUND, "There is no user '" + username + "'."));
    }

    /** Nobody can lock every administrator out. */
    private void keepAnAdmin(User user, boolean staysAdmin) {
        boolean isLastAdmin = user.getRoles().contains(Role.ADMIN) && user.isEnabled()
                && users.findAll().stream().filter(other -> other.isEnabled() && other.getRoles().contains(Role.ADMIN))
                .count() == 1;
        if (isLastAdmin && !staysAdmin) {
            throw new ResponseStatusException(HttpStatus.CONFLICT,
                    "'" + user.getUsername() + "' is the last enabled ADMIN; make another user ADMIN first.");
        }
    }

    private static void checkPassword(String password) {
        if (password == null || password.length() < MIN_PASSWORD_LENGTH) {
            throw badRequest("'password' must have at least " + MIN_PASSWORD_LENGTH + " characters");
        }
    }

    static void checkRoles(Set<Role> roles) {
        if (roles == null || roles.isEmpty() || roles.contains(null)) {
            throw badRequest("'roles' must name at least one of " + List.of(Role.values()));
        }
    }

    static ResponseStatusException badRequest(String detail) {
        return new ResponseStatusException(HttpStatus.BAD_REQUEST, detail + ".");
    }
}
