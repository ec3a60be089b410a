package jug.backend.redis;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.exceptions.JedisNoScriptException;

/**
 * The Lua scripts that change locks (see {@link LockValue} for the values they read and write). Each runs atomically
 * on the server, so that checking a lock's owner or version and changing it are one step; each is safe to run twice
 * (a call is retried when its reply is lost with the connection). Scripts are called by digest, and sent whole only
 * when the server does not know them (it forgets them when it restarts).
 */
enum LockScripts {
    /**
     * Takes every free lock in KEYS for token ARGV[2] and owner fields ARGV[3], expiring after ARGV[1] ms; returns
     * the 1-based positions won. A lock that already holds this token counts as won: the same call, retried.
     */
    TAKE("""
            local head = 'L ' .. ARGV[2] .. ' '
            local value = head .. '0 ' .. now() .. ' ' .. ARGV[3]
            local won = {}
            for i, key in ipairs(KEYS) do
              if redis.call('SET', key, value, 'NX', 'PX', ARGV[1]) then
                won[#won + 1] = i
              else
                local v = redis.call('GET', key)
                if v and string.sub(v, 1, #head) == head then
                  won[#won + 1] = i
                end
              end
            end
            return won
            """),

    /** Renews KEYS[1] if it is still held with token ARGV[2]: counts up, stamps the time, expires after ARGV[1] ms. */
    RENEW("""
            local v = redis.call('GET', KEYS[1])
            if not v then return 0 end
            local token, count, rest = string.match(v, '^L (%S+) (%d+) %d+ (.*)$')
            if token ~= ARGV[2] then return 0 end
            redis.call('SET', KEYS[1], 'L ' .. token .. ' ' .. (tonumber(count) + 1) .. ' ' .. now() .. ' ' .. rest,
                'PX', ARGV[1])
            return 1
            """),

    /** Deletes each lock KEYS[i] that is still held with token ARGV[i]; returns how many. */
    RELEASE("""
            local released = 0
            for i, key in ipairs(KEYS) do
              local v = redis.call('GET', key)
              local head = 'L ' .. ARGV[i] .. ' '
              if v and string.sub(v, 1, #head) == head then
                redis.call('DEL', key)
                released = released + 1
              end
            end
            return released
            """),

    /** Turns KEYS[1], if still held with token ARGV[1], into a failure mark with reason ARGV[2] that never expires. */
    FAIL("""
            local v = redis.call('GET', KEYS[1])
            if not v then return 0 end
            local token, count, rest = string.match(v, '^L (%S+) (%d+) %d+ (.*)$')
            if token ~= ARGV[1] then return 0 end
            redis.call('SET', KEYS[1], 'F ' .. token .. ' ' .. count .. ' ' .. now() .. ' ' .. rest .. ' ' .. ARGV[2])
            return 1
            """),

    /** Deletes KEYS[1] if its version (see LockValue) is still ARGV[1]; returns 1 if it did. */
    BREAK("""
            local v = redis.call('GET', KEYS[1])
            if not v then return 0 end
            local state, token, count = string.match(v, '^([LF]) (%S+) (%d+) ')
            local version
            if state then version = state .. ':' .. token .. ':' .. count else version = '?' .. redis.sha1hex(v) end
            if version ~= ARGV[1] then return 0 end
            redis.call('DEL', KEYS[1])
            return 1
            """);

    /** The server's clock in milliseconds; Redis before 5 must be told that the script's effects are replicated. */
    private static final String PRELUDE = """
            if redis.replicate_commands then redis.replicate_commands() end
            local function now()
              local t = redis.call('TIME')
              return t[1] * 1000 + math.floor(t[2] / 1000)
            end
            """;

    private final byte[] source;
    private final byte[] digest;

    LockScripts(String body) {
        this.source = (PRELUDE + body).getBytes(StandardCharsets.UTF_8);
        this.digest = sha1Hex(source).getBytes(StandardCharsets.US_ASCII);
    }

    /** Runs the script, sending its source only if the server does not have it yet. */
    Object run(Jedis jedis, List<byte[]> keys, List<byte[]> args) {
        try {
            return jedis.evalsha(digest, keys, args);
        } catch (JedisNoScriptException e) {
            return jedis.eval(source, keys, args);
        }
    }

    private static String sha1Hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
