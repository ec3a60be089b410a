package jug.core.serialization;

import com.esotericsoftware.kryo.Registration;
import com.esotericsoftware.kryo.util.DefaultClassResolver;

/**
 * Kryo's class resolver, refusing every class that {@link ResultTypes} does not allow: by name before a class is
 * loaded when reading, and before it is registered when writing.
 */
final class CheckedClassResolver extends DefaultClassResolver {
    private final ResultTypes allowed;

    CheckedClassResolver(ResultTypes allowed) {
        this.allowed = allowed;
    }

    @Override
    protected Class<?> getTypeByName(String className) {
        if (!allowed.allows(className)) {
            throw new UnstorableResultException(className, "not among the types a stored result may contain");
        }
        return super.getTypeByName(className);
    }

    @Override
    public Registration registerImplicit(@SuppressWarnings("rawtypes") Class type) {
        if (!type.isPrimitive() && !allowed.allows(type.getName())) {
            throw new UnstorableResultException(type.getName(), "not among the types a stored result may contain "
                    + "(values, collections, arrays, records and classes of the jugfile, vision images)");
        }
        return super.registerImplicit(type);
    }
}
