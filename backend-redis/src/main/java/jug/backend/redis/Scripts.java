package jug.backend.redis;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import redis.clients.jedis.Connection;
import redis.clients.jedis.Protocol;
import redis.clients.jedis.exceptions.JedisNoScriptException;

/**
 * The Lua scripts that list results and change locks (see {@link LockValue} for the values the lock scripts read and
 * write). Each runs atomically on the server, so that checking a lock's owner or version and changing it, and keeping
 * the namespace's indexes (KEYS[1], see {@link Namespace}) in step, are one step; each is safe to run twice (a call
 * is retried when its reply is lost with the connection). Scripts are called by digest, and sent whole only
 * when the server does not know them (it forgets them when it restarts).
 */
enum Scripts {
    /**
     * One page of the result index KEYS[1] from cursor ARGV[1] (about ARGV[2] members): returns the next cursor and
     * the members whose result (ARGV[3] .. member) exists, and drops from the index, returning how many, those whose
     * result is gone (deleted by hand, or evicted: jug itself removes both together). Existence is checked 500 keys
     * per EXISTS, one key at a time only where some are missing: 10,000 results cost about 7 ms of server time.
     */
    LIST("""
            local page = redis.call('SSCAN', KEYS[1], ARGV[1], 'COUNT', ARGV[2])
            local members = page[2]
            local present = {}
            local gone = 0
            for from = 1, #members, 500 do
              local to = math.min(#members, from + 499)
              local keys = {}
              for i = from, to do
                keys[#keys + 1] = ARGV[3] .. members[i]
              end
              if redis.call('EXISTS', unpack(keys)) == #keys then
                for i = from, to do
                  present[#present + 1] = members[i]
                end
              else
                for i = from, to do
                  if redis.call('EXISTS', keys[i - from + 1]) == 1 then
                    present[#present + 1] = members[i]
                  else
                    redis.call('SREM', KEYS[1], members[i])
                    gone = gone + 1
                  end
                end
              end
            end
            return {page[1], present, gone}
            """),

    /**
     * Takes every free lock in KEYS[2..] for token ARGV[2] and owner fields ARGV[3], expiring after ARGV[1] ms, and
     * lists it in the index KEYS[1]; returns the 1-based positions (among the locks) won. A lock that already holds
     * this token counts as won: the same call, retried. Index entries of expired locks are dropped first.
     */
    TAKE("""
            local ttl = tonumber(ARGV[1])
            local t = now()
            redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', '(' .. t)
            local head = 'L ' .. ARGV[2] .. ' '
            local value = head .. '0 ' .. t .. ' ' .. ARGV[3]
            local won = {}
            for i = 2, #KEYS do
              local key = KEYS[i]
              if redis.call('SET', key, value, 'NX', 'PX', ttl) then
                redis.call('ZADD', KEYS[1], t + ttl, member(key))
                won[#won + 1] = i - 1
              else
                local v = redis.call('GET', key)
                if v and string.sub(v, 1, #head) == head then
                  won[#won + 1] = i - 1
                end
              end
            end
            return won
            """),

    /** Renews KEYS[2] if it is still held with token ARGV[2]: counts up, stamps the time, expires after ARGV[1] ms. */
    RENEW("""
            local count, rest = held(KEYS[2], ARGV[2])
            if not count then return 0 end
            local ttl = tonumber(ARGV[1])
            local t = now()
            local renewed = 'L ' .. ARGV[2] .. ' ' .. (tonumber(count) + 1) .. ' ' .. t .. ' ' .. rest
            redis.call('SET', KEYS[2], renewed, 'PX', ttl)
            redis.call('ZADD', KEYS[1], t + ttl, member(KEYS[2]))
            return 1
            """),

    /** Deletes each lock KEYS[i + 1] that is still held with token ARGV[i]; returns how many. */
    RELEASE("""
            local released = 0
            for i = 2, #KEYS do
              local v = redis.call('GET', KEYS[i])
              local head = 'L ' .. ARGV[i - 1] .. ' '
              if v and string.sub(v, 1, #head) == head then
                redis.call('DEL', KEYS[i])
                redis.call('ZREM', KEYS[1], member(KEYS[i]))
                released = released + 1
              end
            end
            return released
            """),

    /** Turns KEYS[2], if still held with token ARGV[1], into a failure mark with reason ARGV[2] that never expires. */
    FAIL("""
            local count, rest = held(KEYS[2], ARGV[1])
            if not count then return 0 end
            redis.call('SET', KEYS[2], 'F ' .. ARGV[1] .. ' ' .. count .. ' ' .. now() .. ' ' .. rest .. ' ' .. ARGV[2])
            redis.call('ZADD', KEYS[1], '+inf', member(KEYS[2]))
            return 1
            """),

    /** Deletes KEYS[2] if its version (see LockValue) is still ARGV[1]; returns 1 if it did. */
    BREAK("""
            local v = redis.call('GET', KEYS[2])
            if not v then return 0 end
            local state, token, count = string.match(v, '^([LF]) (%S+) (%d+) ')
            local version
            if state then version = state .. ':' .. token .. ':' .. count else version = '?' .. redis.sha1hex(v) end
            if version ~= ARGV[1] then return 0 end
            redis.call('DEL', KEYS[2])
            redis.call('ZREM', KEYS[1], member(KEYS[2]))
            return 1
            """);

    /**
     * The server's clock in milliseconds; the index member of a lock key (its 64 hex digits); and, for a lock still
     * held with a given token, its renewal count and the fields after its time (nil if it is gone, taken over or a
     * failure mark). Redis before 5 must be told that a script that reads the clock has its effects replicated.
     */
    private static final String PRELUDE = """
            if redis.replicate_commands then redis.replicate_commands() end
            local function now()
              local t = redis.call('TIME')
              return t[1] * 1000 + math.floor(t[2] / 1000)
            end
            local function member(key)
              return string.sub(key, -64)
            end
            local function held(key, token)
              local v = redis.call('GET', key)
              if not v then return nil end
              local t, count, rest = string.match(v, '^L (%S+) (%d+) %d+ (.*)$')
              if t ~= token then return nil end
              return count, rest
            end
            """;

    private final byte[] source;
    private final byte[] digest;

    Scripts(String body) {
        this.source = (PRELUDE + body).getBytes(StandardCharsets.UTF_8);
        this.digest = sha1Hex(source).getBytes(StandardCharsets.US_ASCII);
    }

    /** Runs the script, sending its source only if the server does not have it yet. */
    Object run(Connection connection, List<byte[]> keys, List<byte[]> args) {
        try {
            connection.sendCommand(Protocol.Command.EVALSHA, arguments(digest, keys, args));
            return connection.getOne();
        } catch (JedisNoScriptException e) {
            connection.sendCommand(Protocol.Command.EVAL, arguments(source, keys, args));
            return connection.getOne();
        }
    }

    private static byte[][] arguments(byte[] script, List<byte[]> keys, List<byte[]> args) {
        byte[][] all = new byte[2 + keys.size() + args.size()][];
        all[0] = script;
        all[1] = Integer.toString(keys.size()).getBytes(StandardCharsets.US_ASCII);
        int i = 2;
        for (byte[] k : keys) {
            all[i++] = k;
        }
        for (byte[] a : args) {
            all[i++] = a;
        }
        return all;
    }

    /** SHA-1 in hex, as Redis computes it: for a script's digest, and in the Lua {@code redis.sha1hex}. */
    static String sha1Hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
