package io.synthlogs.engine;

import io.synthlogs.config.SourceKind;
import io.synthlogs.config.SynthConfig;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One attacker address against one target: a brute-force run of failed logins for one user (maybe
 * a lockout, maybe a final success), SQL injection or XSS payloads in requests to one endpoint, or
 * repeated access to protected endpoints without the right.
 */
final class SecurityThreat implements AnomalyPattern {
    private final String subtype;
    private final String attackerIp;
    private final String user;
    private final String endpoint;
    private final List<SynthConfig.Source> sources = new ArrayList<>();
    private final List<String> services = new ArrayList<>();
    private final List<Template[]> templates = new ArrayList<>();
    private Template[] success = new Template[0];
    private Template[] lockout = new Template[0];
    /** After a lockout: attempts on the locked account (423), or from the blocked address (429). */
    private Template[] locked = new Template[0];
    private Template[] blocked = new Template[0];
    private Template[] afterLockout = new Template[0];
    private int lockoutAt = -1;
    private boolean succeeds;

    private SecurityThreat(String subtype, String attackerIp, String user, String endpoint) {
        this.subtype = subtype;
        this.attackerIp = attackerIp;
        this.user = user;
        this.endpoint = endpoint;
    }

    static SecurityThreat create(PatternContext ctx, Rng rng, String subtype, String service) {
        Values r = ctx.values;
        String endpoint = switch (subtype) {
            case "brute_force" -> rng.pick(Vocabulary.LOGIN_ENDPOINTS);
            case "unauthorized_access" -> r.endpoint(Vocabulary.ADMIN_ENDPOINTS);
            default -> rng.pick(Vocabulary.SEARCH_ENDPOINTS);
        };
        SecurityThreat threat = new SecurityThreat(subtype, r.attackerIp(), r.user(), endpoint);
        String role = switch (subtype) {
            case "brute_force" -> "security:brute_force:fail";
            default -> "security:" + subtype;
        };
        // Attacks show where the templates for them exist: payloads at the web tier and in the
        // application, credential attacks in the application.
        for (SourceKind kind : List.of(SourceKind.WEB, SourceKind.APPLICATION)) {
            Template[] found = ctx.templates(kind, role);
            SynthConfig.Source source = service != null ? ctx.sourceHolding(service) : ctx.sourceOf(rng, kind);
            if (found.length == 0 || source == null || source.kind() != kind) {
                continue;
            }
            threat.sources.add(source);
            threat.services.add(service != null ? service
                    : PatternContext.service(source, rng, subtype.equals("brute_force") ? "auth" : "user", "order"));
            threat.templates.add(found);
            if (subtype.equals("brute_force")) {
                threat.success = ctx.templates(kind, "security:brute_force:success");
                threat.lockout = ctx.templates(kind, "security:brute_force:lockout");
                threat.locked = ctx.templates(kind, "security:brute_force:locked");
                threat.blocked = ctx.templates(kind, "security:brute_force:blocked");
            }
        }
        if (threat.sources.isEmpty()) {
            return null;
        }
        threat.succeeds = rng.chance(0.35);
        return threat;
    }

    @Override
    public void fill(Draft d, int k, int n, Rng rng) {
        if (k == 0 && subtype.equals("brute_force") && n >= 6 && rng.chance(0.4)) {
            lockoutAt = n * 2 / 3;
            // A locked account does not log in at the end of the same attack.
            succeeds = false;
        }
        int which = rng.nextInt(sources.size());
        d.source = sources.get(which);
        d.service = services.get(which);
        d.ip = attackerIp;
        d.endpoint = endpoint;
        d.user = subtype.equals("unauthorized_access") || subtype.equals("brute_force") ? user : null;
        d.signal = true;
        d.score = 0.8;
        switch (subtype) {
            case "brute_force" -> {
                d.method = "POST";
                d.count = k + 1;
                d.score = PatternContext.round2(0.5 + 0.45 * (k + 1) / n);
                if (k == lockoutAt && lockout.length > 0) {
                    d.template = rng.pick(lockout);
                    d.count = k; // the failed attempts before it: this line is the answer to them
                    afterLockout = d.template.presetStatus != null && d.template.presetStatus == 429 ? blocked : locked;
                } else if (k > lockoutAt && lockoutAt >= 0 && afterLockout.length > 0) {
                    // The attacker keeps trying, and is turned away as the lockout said.
                    d.template = rng.pick(afterLockout);
                } else if (k == n - 1 && k > 0 && succeeds && success.length > 0) { // a one-line attack is a failure
                    d.count = k; // every earlier line was a failed attempt (no lockout in this run)
                    d.template = rng.pick(success);
                    d.score = 0.95;
                } else {
                    d.template = rng.pick(templates.get(which));
                }
            }
            case "sql_injection" -> {
                d.payload = rng.pick(Vocabulary.SQL_PAYLOADS);
                d.method = "GET";
                d.template = rng.pick(templates.get(which));
            }
            case "xss_attempt" -> {
                d.payload = rng.pick(Vocabulary.XSS_PAYLOADS);
                d.template = rng.pick(templates.get(which));
            }
            default -> d.template = rng.pick(templates.get(which));
        }
    }

    @Override
    public List<String> services() {
        return services;
    }

    @Override
    public Map<String, Object> parameters() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("attacker_ip", attackerIp);
        p.put("target_endpoint", endpoint);
        if (subtype.equals("brute_force") || subtype.equals("unauthorized_access")) {
            p.put("target_user", user);
        }
        return p;
    }
}
