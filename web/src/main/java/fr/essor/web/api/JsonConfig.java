package fr.essor.web.api;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.json.bind.serializer.JsonbSerializer;
import jakarta.json.bind.serializer.SerializationContext;
import jakarta.json.stream.JsonGenerator;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;
import java.math.BigDecimal;

/**
 * JSON of the API: every decimal (amounts, shares, FTE) is written as a string such as
 * {@code "1500.00"}, as DESIGN.md asks, so that no client reads money through a binary float.
 */
@Provider
public class JsonConfig implements ContextResolver<Jsonb> {

    private static final Jsonb JSONB = JsonbBuilder.create(new JsonbConfig().withSerializers(new DecimalAsString()));

    @Override
    public Jsonb getContext(Class<?> type) {
        return JSONB;
    }

    static final class DecimalAsString implements JsonbSerializer<BigDecimal> {
        @Override
        public void serialize(BigDecimal value, JsonGenerator generator, SerializationContext ctx) {
            generator.write(value.toPlainString());
        }
    }
}
