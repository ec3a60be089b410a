package jug.core;

import java.lang.invoke.MethodType;
import java.lang.invoke.SerializedLambda;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;

/**
 * What jug knows about the method a {@link TaskFunction} refers to: the task name (class and method, read from the
 * serialized method reference), the parameter types to check arguments against and the result type.
 */
record TaskMethod(String name, List<Type> parameterTypes, Type resultType) {

    /** Reads the method behind {@code function}; refuses lambdas and references that capture a value. */
    static TaskMethod of(TaskFunction function) {
        SerializedLambda lambda = serializedForm(function);
        String implClass = lambda.getImplClass().replace('/', '.');
        String simpleClass = implClass.replace('$', '.');
        String method = lambda.getImplMethodName();
        if (method.startsWith("lambda$")) {
            throw new JugfileException("a task needs a method reference such as " + simpleName(simpleClass)
                    + "::compute, not a lambda (Java also compiles a reference to a varargs method as one); "
                    + "move the body into a static method with fixed parameters and pass a reference to it");
        }
        if (lambda.getCapturedArgCount() > 0) {
            throw new JugfileException("the method reference to " + simpleClass + "." + method
                    + " captures a value (such as the object in obj::method), which would not be part of the task's "
                    + "hash; use a static method, or an unbound reference like Type::method, and pass the value as an argument");
        }
        Executable executable = find(function, implClass, method, lambda.getImplMethodSignature());
        List<Type> parameters = new ArrayList<>();
        Type result;
        if (executable instanceof Constructor<?> constructor) {
            result = constructor.getDeclaringClass();
            method = "new";
        } else {
            Method m = (Method) executable;
            if (!Modifier.isStatic(m.getModifiers())) {
                parameters.add(m.getDeclaringClass()); // an unbound reference takes the receiver first
            }
            result = m.getGenericReturnType();
        }
        parameters.addAll(List.of(executable.getGenericParameterTypes()));
        return new TaskMethod(simpleClass + "." + method, List.copyOf(parameters), result);
    }

    private static String simpleName(String className) {
        return className.substring(className.lastIndexOf('.') + 1);
    }

    private static SerializedLambda serializedForm(TaskFunction function) {
        try {
            Method writeReplace = function.getClass().getDeclaredMethod("writeReplace");
            writeReplace.setAccessible(true);
            Object form = writeReplace.invoke(function);
            if (form instanceof SerializedLambda lambda) {
                return lambda;
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            // fall through: not a method reference
        }
        throw new JugfileException("a task needs a method reference such as Jugfile::compute, got an object of "
                + function.getClass().getName() + "; pass a reference to a static method");
    }

    private static Executable find(TaskFunction function, String className, String name, String descriptor) {
        ClassLoader loader = function.getClass().getClassLoader();
        try {
            Class<?> owner = Class.forName(className, false, loader);
            if (name.equals("<init>")) {
                for (Constructor<?> c : owner.getDeclaredConstructors()) {
                    if (descriptor(c.getParameterTypes(), void.class).equals(descriptor)) {
                        return c;
                    }
                }
            } else {
                for (Method m : owner.getDeclaredMethods()) {
                    if (m.getName().equals(name) && descriptor(m.getParameterTypes(), m.getReturnType()).equals(descriptor)) {
                        return m;
                    }
                }
            }
        } catch (ClassNotFoundException e) {
            throw new JugfileException("cannot load " + className + ", the class of a task's method", e);
        }
        throw new JugfileException("cannot find method " + className + "." + name + descriptor);
    }

    private static String descriptor(Class<?>[] parameters, Class<?> result) {
        return MethodType.methodType(result, parameters).toMethodDescriptorString();
    }
}
