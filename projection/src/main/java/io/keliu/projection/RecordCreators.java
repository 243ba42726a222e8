package io.keliu.projection;

import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.ValueInstantiator;
import tools.jackson.databind.deser.ValueInstantiators;
import tools.jackson.databind.deser.std.StdValueInstantiator;
import tools.jackson.databind.introspect.AnnotatedConstructor;
import tools.jackson.databind.module.SimpleModule;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Constructor;

/**
 * Builds records by their canonical constructor through a method handle prepared once per record type. Jackson
 * calls a constructor with arguments by {@code MethodHandle.invokeWithArguments}, which adapts the handle to the
 * argument array on every call: a quarter of decoding a change event in the projection's profile. Everything else
 * (which constructor, its parameters, null and error handling) stays Jackson's.
 */
final class RecordCreators extends SimpleModule {

    RecordCreators() {
        super("record-creators");
    }

    @Override
    public void setupModule(SetupContext context) {
        super.setupModule(context);
        context.addValueInstantiators(new ValueInstantiators() {
            @Override
            public ValueInstantiator findValueInstantiator(DeserializationConfig config,
                                                           BeanDescription.Supplier description) {
                return null;
            }

            @Override
            public ValueInstantiator modifyValueInstantiator(DeserializationConfig config,
                                                             BeanDescription.Supplier description,
                                                             ValueInstantiator instantiator) {
                if (instantiator.getClass() == StdValueInstantiator.class && instantiator.getValueClass().isRecord()
                        && instantiator.getWithArgsCreator() instanceof AnnotatedConstructor creator) {
                    try {
                        return new Canonical((StdValueInstantiator) instantiator, creator.getAnnotated());
                    } catch (IllegalAccessException e) {
                        return instantiator; // Jackson's own way still works
                    }
                }
                return instantiator;
            }
        });
    }

    private static final class Canonical extends StdValueInstantiator {
        private final MethodHandle constructor;

        Canonical(StdValueInstantiator base, Constructor<?> constructor) throws IllegalAccessException {
            super(base);
            this.constructor = MethodHandles.lookup().unreflectConstructor(constructor)
                    .asSpreader(Object[].class, constructor.getParameterCount())
                    .asType(MethodType.methodType(Object.class, Object[].class));
        }

        /** As Jackson's: a failing constructor is reported as the instantiation problem it is. */
        @Override
        public Object createFromObjectWith(DeserializationContext context, Object[] arguments) {
            try {
                return (Object) constructor.invokeExact(arguments);
            } catch (Error e) {
                throw e;
            } catch (Throwable e) {
                return context.handleInstantiationProblem(getValueClass(), arguments, rewrapCtorProblem(context, e));
            }
        }
    }
}
